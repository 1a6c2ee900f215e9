/* sa-order-page.c — one order, its Smart Account section and the change flow
 *
 * Mirrors steps 3 to 10 of "How do I assign an order to a Smart Account" and
 * steps 4 to 9 of "Updating Smart Account Assignment in CCW": the order details
 * and status; the "View or change Smart Account Assignments" banner; the Smart
 * Account section with the End Customer and Holding rows and their pencils;
 * the pending change; the terms of use; Submit; the "Submit Change"
 * confirmation. A SHIPPED order explains why it cannot change and where to go.
 * With a back end that publishes no assignment (Cisco: assignment-known is
 * FALSE) the page says so and links the CCW order page instead of showing
 * empty rows; with %SA_CLIENT_FEATURE_PORTAL_HAND_OFF, Submit opens "Complete
 * in Cisco's Portal" (src/ui/hand-off/). The order's lines (SaOrderLines, bound to
 * "order") show when the back end gives them; "Where Are My Licenses?" opens
 * the check for this order (win.find-licenses).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-assignment-row.h"
#include "sa-order-details.h"
#include "sa-order-entries.h"
#include "sa-order-lines.h"
#include "sa-order-changes.h"
#include "sa-order-page-words.h"
#include "sa-orders-a11y.h"
#include "sa-training-order-controls.h"
#include "sa-order-page-private.h"
#include "sa-procedure-panel.h"
#include "sa-status-pill.h"
#include "sa-submit-dialogs.h"
#include "sa-ui-util.h"

G_DEFINE_FINAL_TYPE (SaOrderPage, sa_order_page, ADW_TYPE_BIN)

enum {
  ORDER_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SALES_ORDER_NUMBER,
  PROP_ORDER,
  PROP_LOADING,
  PROP_SUBMITTING,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_order (SaOrderPage *self);
static void on_client_signed_in (SaClient    *client,
                                 GParamSpec  *pspec,
                                 SaOrderPage *self);

static gboolean
has_pending (SaOrderPage *self)
{
  return sa_assignment_row_get_pending (self->end_customer_row) != NULL ||
         sa_assignment_row_get_pending (self->holding_row) != NULL;
}

static gboolean
can_change (SaOrderPage *self)
{
  return self->order != NULL && sa_order_can_change_assignment (self->order);
}

/* Cisco: the change is made in its portal, not sent from here. */
static gboolean
hands_off (SaOrderPage *self)
{
  return (sa_client_get_features (self->client) & SA_CLIENT_FEATURE_PORTAL_HAND_OFF) != 0;
}

static void
update_procedure (SaOrderPage *self)
{
  SaProcedureStep step;

  if (self->order != NULL && !can_change (self))
    step = SA_PROCEDURE_STEP_ASSIGN_BEFORE_YOU_START;
  else if (self->submit_dialog != NULL || self->submitting)
    step = SA_PROCEDURE_STEP_ASSIGN_CONFIRM;
  else if (has_pending (self))
    step = SA_PROCEDURE_STEP_ASSIGN_ACCEPT_TERMS;
  else if (self->revealed)
    step = SA_PROCEDURE_STEP_ASSIGN_PENCIL;
  else
    step = SA_PROCEDURE_STEP_ASSIGN_OPEN_ASSIGNMENTS;

  sa_procedure_panel_show_step (self->procedure_panel, step);
}

static void
update_actions (SaOrderPage *self)
{
  gboolean editable = can_change (self) && !self->submitting;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-end-customer", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-holding", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.undo-end-customer",
                                 !self->submitting && sa_assignment_row_get_pending (self->end_customer_row) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.undo-holding",
                                 !self->submitting && sa_assignment_row_get_pending (self->holding_row) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.submit",
                                 editable && has_pending (self) &&
                                 (hands_off (self) || gtk_check_button_get_active (self->terms_check)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.reload", !self->loading && !self->submitting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.show-assignments", self->order != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->terms_check), editable && has_pending (self));
}

static gboolean
is_pending_account (SaAssignment *assignment)
{
  return assignment != NULL && sa_assignment_get_status (assignment) == SA_ACCOUNT_STATUS_PENDING;
}

static void
update_view (SaOrderPage *self)
{
  SaAssignment *effective_end_customer;
  SaAssignment *effective_holding;
  g_autofree char *title = NULL;

  /* Translators: the order page's title; %s is the Sales Order No. */
  title = g_strdup_printf (_("Order %s"), self->sales_order_number);
  gtk_label_set_text (self->title_label, title);

  if (self->order != NULL)
    {
      gboolean known = sa_order_get_assignment_known (self->order);

      sa_order_details_set_order (self->details, self->order);
      sa_order_show_status (self->header_status_pill, self->order);
      gtk_widget_set_visible (self->unpublished_note, !known);
      sa_assignment_row_set_known (self->end_customer_row, known);
      sa_assignment_row_set_known (self->holding_row, known);
      gtk_widget_set_visible (self->shipped_box, !sa_order_can_change_assignment (self->order));
      gtk_widget_set_visible (self->export_hold_box, sa_order_get_export_hold (self->order));
      sa_assignment_row_set_assignment (self->end_customer_row, sa_order_get_end_customer (self->order));
      sa_assignment_row_set_assignment (self->holding_row, sa_order_get_holding (self->order));
    }

  effective_end_customer = sa_assignment_row_get_effective (self->end_customer_row);
  effective_holding = sa_assignment_row_get_effective (self->holding_row);

  sa_order_page_say_status (GTK_WIDGET (self), self->order, hands_off (self));
  gtk_widget_set_visible (self->holding_note,
                          can_change (self) && effective_holding != NULL && effective_end_customer == NULL);
  gtk_widget_set_visible (self->pending_account_note,
                          is_pending_account (effective_end_customer) || is_pending_account (effective_holding));

  gtk_widget_set_visible (self->submit_error_box, self->error_message != NULL);
  gtk_label_set_text (self->submit_error_label, self->error_message ? self->error_message : "");

  gtk_widget_set_visible (GTK_WIDGET (self->submit_spinner), self->submitting);
  gtk_spinner_set_spinning (self->submit_spinner, self->submitting);

  update_actions (self);
  update_procedure (self);
}

static void
set_error_message (SaOrderPage *self,
                   const char  *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
set_loading (SaOrderPage *self,
             gboolean     loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_submitting (SaOrderPage *self,
                gboolean     submitting)
{
  if (self->submitting == !!submitting)
    return;

  self->submitting = !!submitting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTING]);
}

static void
set_order (SaOrderPage *self,
           SaOrder     *order)
{
  if (g_set_object (&self->order, order))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

static void
reveal_section (SaOrderPage *self,
                gboolean     grab_focus)
{
  self->revealed = TRUE;
  gtk_revealer_set_reveal_child (self->section_revealer, TRUE);
  update_procedure (self);

  if (grab_focus)
    {
      if (gtk_widget_is_sensitive (GTK_WIDGET (self->end_customer_edit_button)))
        gtk_widget_grab_focus (GTK_WIDGET (self->end_customer_edit_button));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->terms_check));
    }
}

static void
restore_changes (SaOrderPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(SaAssignment) end_customer = NULL;
  g_autoptr(SaAssignment) holding = NULL;

  if (!GTK_IS_WINDOW (root) || has_pending (self) ||
      !sa_order_changes_lookup (GTK_WINDOW (root), self->sales_order_number, &end_customer, &holding))
    return;

  /* Shipped since: the change can no longer be made (the page says why). */
  if (!can_change (self))
    {
      sa_order_changes_keep (GTK_WINDOW (root), self->sales_order_number, NULL, NULL);
      return;
    }

  sa_assignment_row_set_pending (self->end_customer_row, end_customer);
  sa_assignment_row_set_pending (self->holding_row, holding);
  reveal_section (self, FALSE);
  sa_ui_show_toast (GTK_WIDGET (self), _("Your change waiting to be submitted is shown again"));
}

static void
get_order_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaOrderPage *self;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  order = sa_client_get_order_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ORDER_PAGE (user_data);
  set_loading (self, FALSE);

  if (order == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Loading order %s failed: %s", self->sales_order_number, error->message);
      if (self->order == NULL)
        {
          adw_status_page_set_description (self->load_error_page, message);
          gtk_stack_set_visible_child_name (self->state_stack, "error");
        }
      else
        set_error_message (self, message);

      update_view (self);
      return;
    }

  set_order (self, order);
  restore_changes (self);

  /* Reloaded after a VERSION_CONFLICT: if the change came from the order
   * shipping, say that rather than "submit again". */
  if (self->conflict_reload && !sa_order_can_change_assignment (order))
    {
      g_autoptr(GError) shipped = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_SHIPPED, "");
      g_autofree char *message = sa_error_dup_user_message (shipped);

      set_error_message (self, message);
    }
  self->conflict_reload = FALSE;

  gtk_stack_set_visible_child_name (self->state_stack, "order");
  update_view (self);
}

static void
load_order (SaOrderPage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  if (self->order == NULL)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");
  update_actions (self);

  sa_client_get_order_async (self->client, self->sales_order_number,
                             self->load_cancellable, get_order_cb, self);
}

static void
update_assignment_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SaOrderPage *self;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  order = sa_client_update_assignment_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ORDER_PAGE (user_data);
  set_submitting (self, FALSE);

  /* Issue 5: the token expired and could not be renewed from the keyring; the
   * client asks for a sign-in ("sign-in-required", the session opens the
   * dialog). Keep the pending change and the terms, and submit once
   * signed in again. */
  if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED))
    {
      set_error_message (self, _("Your session has expired. Sign in again: your change is kept and will be submitted then."));
      if (self->resubmit_handler == 0)
        self->resubmit_handler = g_signal_connect (self->client, "notify::signed-in",
                                                   G_CALLBACK (on_client_signed_in), self);
      update_view (self);
      return;
    }

  if (order == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      /* The user's choices (pending change, terms) are kept for a retry. */
      g_debug ("Submitting the change of order %s failed: %s", self->sales_order_number, error->message);
      set_error_message (self, message);
      update_view (self);

      /* The order changed on the server (new version, or now shipped):
       * show its current state, still keeping the pending change. */
      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VERSION_CONFLICT) ||
          g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_SHIPPED))
        {
          self->conflict_reload = TRUE;
          load_order (self);
        }

      gtk_widget_grab_focus (GTK_WIDGET (self->submit_error_label));
      return;
    }

  set_order (self, order);
  sa_assignment_row_set_pending (self->end_customer_row, NULL);
  sa_assignment_row_set_pending (self->holding_row, NULL);
  set_error_message (self, NULL);
  gtk_check_button_set_active (self->terms_check, FALSE);
  sa_order_page_keep_changes (self);
  update_view (self);
  /* Focus on the saved section (Escape and Alt+Left work from there). */
  gtk_widget_grab_focus (GTK_WIDGET (self->end_customer_edit_button));

  {
    /* Translators: toast after Submit Change → Yes succeeded; %s is the Sales Order No. */
    g_autofree char *toast = g_strdup_printf (_("Smart Account assignment saved for order %s"),
                                              sa_order_get_sales_order_number (order));
    sa_ui_show_toast (GTK_WIDGET (self), toast);
  }

  g_signal_emit (self, signals[ORDER_UPDATED], 0, order);
}

static void submit (SaOrderPage *self);

/* Issue 5: the client is signed in again (sign-in dialog, or renewal): submit
 * the kept change once, without the user doing anything. */
static void
on_client_signed_in (SaClient    *client,
                     GParamSpec  *pspec,
                     SaOrderPage *self)
{
  g_autofree char *toast = NULL;

  if (!sa_client_get_signed_in (client))
    return;

  g_clear_signal_handler (&self->resubmit_handler, client);
  if (!has_pending (self) || !gtk_check_button_get_active (self->terms_check))
    return;

  /* Translators: toast after signing in again; %s is the Sales Order No. */
  toast = g_strdup_printf (_("Signed in again: submitting the change of order %s"), self->sales_order_number);
  sa_ui_show_toast (GTK_WIDGET (self), toast);
  submit (self);
}

static void
submit (SaOrderPage *self)
{
  if (self->order == NULL || !has_pending (self) || self->submitting)
    return;

  g_cancellable_cancel (self->submit_cancellable);
  g_clear_object (&self->submit_cancellable);
  self->submit_cancellable = g_cancellable_new ();

  set_submitting (self, TRUE);
  set_error_message (self, NULL);
  update_view (self);

  sa_client_update_assignment_async (self->client, self->order,
                                     sa_assignment_row_get_pending (self->end_customer_row),
                                     sa_assignment_row_get_pending (self->holding_row),
                                     gtk_check_button_get_active (self->terms_check),
                                     self->submit_cancellable,
                                     update_assignment_cb, self);
}

static void
on_submit_response (GtkWindow   *dialog,
                    const char  *response,
                    SaOrderPage *self)
{
  gboolean confirmed = g_strcmp0 (response, "yes") == 0;

  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_weak_pointer (&self->submit_dialog);
  gtk_window_destroy (dialog);

  if (confirmed)
    submit (self);
  else
    update_procedure (self);
}

/* Step 10: "Submit Change" → Yes; with Cisco, "Complete in Cisco's Portal". */
static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SaOrderPage *self = SA_ORDER_PAGE (widget);
  GtkWindow *dialog;

  if (self->submit_dialog != NULL)
    {
      gtk_window_present (self->submit_dialog);
      return;
    }

  dialog = sa_submit_dialog_new (widget, self->client, self->order,
                                 sa_assignment_row_get_pending (self->end_customer_row),
                                 sa_assignment_row_get_pending (self->holding_row));
  g_signal_connect (dialog, "response", G_CALLBACK (on_submit_response), self);

  g_set_weak_pointer (&self->submit_dialog, dialog);
  update_procedure (self);
  gtk_window_present (dialog);
}

static void
on_assigned (SaAssignDialog *dialog,
             SaAssignment   *assignment,
             SaOrderPage    *self)
{
  sa_order_page_set_pending (self, sa_assign_dialog_get_slot (dialog), assignment);
  gtk_widget_grab_focus (GTK_WIDGET (self->terms_check));
}

/* The dialog's own review (issue 11, "six decisions"): the terms accepted
 * there and the restated change confirmed with its Submit Change. */
static void
on_submit_requested (SaAssignDialog *dialog,
                     SaAssignment   *assignment,
                     SaOrderPage    *self)
{
  sa_order_page_set_pending (self, sa_assign_dialog_get_slot (dialog), assignment);
  gtk_check_button_set_active (self->terms_check, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->end_customer_edit_button));
  submit (self);
}

static void
open_assign_dialog (SaOrderPage   *self,
                    SaAccountType  slot)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SaAssignDialog *dialog;

  if (!can_change (self))
    return;

  if (self->assign_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->assign_dialog));

  reveal_section (self, FALSE);

  dialog = sa_assign_dialog_new (self->client, slot, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  /* Issue 11: opens on what is there now, and may submit when only this
   * slot changes (with Cisco, the change is made in its portal). */
  sa_assign_dialog_set_current (dialog, slot == SA_ACCOUNT_TYPE_HOLDING ? sa_order_get_holding (self->order)
                                                                          : sa_order_get_end_customer (self->order),
                                sa_assignment_row_get_effective (slot == SA_ACCOUNT_TYPE_HOLDING ? self->holding_row
                                                                                                 : self->end_customer_row));
  sa_assign_dialog_set_can_submit (dialog, !hands_off (self) &&
                                   sa_assignment_row_get_pending (slot == SA_ACCOUNT_TYPE_HOLDING ? self->end_customer_row
                                                                                                  : self->holding_row) == NULL);
  g_signal_connect_object (dialog, "assigned", G_CALLBACK (on_assigned), self, 0);
  g_signal_connect_object (dialog, "submit-requested", G_CALLBACK (on_submit_requested), self, 0);
  g_set_weak_pointer (&self->assign_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_end_customer_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  open_assign_dialog (SA_ORDER_PAGE (widget), SA_ACCOUNT_TYPE_CUSTOMER);
}

static void
edit_holding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  open_assign_dialog (SA_ORDER_PAGE (widget), SA_ACCOUNT_TYPE_HOLDING);
}

static void
undo_end_customer_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SaOrderPage *self = SA_ORDER_PAGE (widget);

  sa_order_page_set_pending (self, SA_ACCOUNT_TYPE_CUSTOMER, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->end_customer_edit_button));
}

static void
undo_holding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SaOrderPage *self = SA_ORDER_PAGE (widget);

  sa_order_page_set_pending (self, SA_ACCOUNT_TYPE_HOLDING, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->holding_edit_button));
}

/* Fetches the order again (F5, Ctrl+R, Retry), keeping any pending change. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SaOrderPage *self = SA_ORDER_PAGE (widget);

  if (!self->submitting)
    load_order (self);
}

static void
show_assignments_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SaOrderPage *self = SA_ORDER_PAGE (widget);

  reveal_section (self, TRUE);
  /* Issue 11: nothing to view yet, so the banner goes on to the End
   * Customer's Assign Smart Account dialog (steps 4 and 5 in one). */
  if (can_change (self) && sa_order_get_assignment_known (self->order) &&
      sa_assignment_row_get_effective (self->end_customer_row) == NULL)
    open_assign_dialog (self, SA_ACCOUNT_TYPE_CUSTOMER);
}

/* "Where Are My Licenses?" for this order (the troubleshooting of "assign an
 * order"), in the window's own checker. */
static void
find_licenses_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaOrderPage *self = SA_ORDER_PAGE (widget);

  gtk_widget_activate_action (widget, "win.find-licenses", "s", self->sales_order_number);
}

static void
on_terms_toggled (GtkCheckButton *check,
                  SaOrderPage    *self)
{
  update_actions (self);
}

static void
sa_order_page_dispose (GObject *object)
{
  SaOrderPage *self = SA_ORDER_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->submit_cancellable);
  if (self->client != NULL)
    g_clear_signal_handler (&self->resubmit_handler, self->client);

  if (self->assign_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->assign_dialog));
  g_clear_weak_pointer (&self->assign_dialog);
  if (self->submit_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->submit_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->submit_dialog));
    }
  g_clear_weak_pointer (&self->submit_dialog);

  /* Unparent through AdwBin so that it does not keep a stale child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ORDER_PAGE);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->submit_cancellable);
  g_clear_object (&self->order);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_order_page_parent_class)->dispose (object);
}

static void
sa_order_page_finalize (GObject *object)
{
  SaOrderPage *self = SA_ORDER_PAGE (object);

  g_free (self->sales_order_number);
  g_free (self->error_message);

  G_OBJECT_CLASS (sa_order_page_parent_class)->finalize (object);
}

static void
sa_order_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SaOrderPage *self = SA_ORDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SALES_ORDER_NUMBER:
      g_value_set_string (value, self->sales_order_number);
      break;
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SUBMITTING:
      g_value_set_boolean (value, self->submitting);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_page_class_init (SaOrderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_order_page_dispose;
  object_class->finalize = sa_order_page_finalize;
  object_class->get_property = sa_order_page_get_property;

  /**
   * SaOrderPage:sales-order-number:
   *
   * The Sales Order No. the page shows.
   */
  properties[PROP_SALES_ORDER_NUMBER] =
    g_param_spec_string ("sales-order-number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaOrderPage:order:
   *
   * The #SaOrder as last loaded from the server, %NULL until it arrives.
   */
  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, SA_TYPE_ORDER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaOrderPage:loading:
   *
   * Whether the order is being (re)loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaOrderPage:submitting:
   *
   * Whether a submitted change waits for the server (step 10 of "assign an order").
   */
  properties[PROP_SUBMITTING] =
    g_param_spec_boolean ("submitting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaOrderPage:error-message:
   *
   * The translated message of the last failed submission, shown in the page, or %NULL.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaOrderPage::order-updated:
   * @self: the page
   * @order: (transfer none): the order as the server returned it after the change
   *
   * Emitted after a submitted change was saved (step 10 of "assign an order").
   */
  signals[ORDER_UPDATED] = g_signal_new ("order-updated",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, SA_TYPE_ORDER);

  g_type_ensure (SA_TYPE_PROCEDURE_PANEL);
  g_type_ensure (SA_TYPE_STATUS_PILL);
  g_type_ensure (SA_TYPE_ORDER_DETAILS);
  g_type_ensure (SA_TYPE_TRAINING_ORDER_CONTROLS);
  g_type_ensure (SA_TYPE_ASSIGNMENT_ROW);
  g_type_ensure (SA_TYPE_ORDER_LINES);
  g_type_ensure (SA_TYPE_ORDER_ENTRIES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-order-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, load_error_page);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, unpublished_note);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, shipped_box);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, export_hold_box);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, details);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, header_status_pill);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, section_revealer);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, end_customer_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, end_customer_edit_button);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, holding_row);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, holding_edit_button);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, holding_note);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, pending_account_note);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, submit_error_box);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, submit_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, terms_check);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, submit_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaOrderPage, procedure_panel);
  /* Reachable with gtk_widget_get_template_child() (the tests click and read
   * them) though the page itself never needs a pointer to them. */
  gtk_widget_class_bind_template_child_full (widget_class, "banner_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "shipped_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "scm_link", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "submit_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "banner_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "ccw_link", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "find_licenses_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "lines", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "retry_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "page.show-assignments", NULL, show_assignments_action);
  gtk_widget_class_install_action (widget_class, "page.edit-end-customer", NULL, edit_end_customer_action);
  gtk_widget_class_install_action (widget_class, "page.edit-holding", NULL, edit_holding_action);
  gtk_widget_class_install_action (widget_class, "page.undo-end-customer", NULL, undo_end_customer_action);
  gtk_widget_class_install_action (widget_class, "page.undo-holding", NULL, undo_holding_action);
  gtk_widget_class_install_action (widget_class, "page.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "page.find-licenses", NULL, find_licenses_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "page.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "page.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "settings.show-procedure-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "page.submit", NULL);
  /* Issue 11: back to the orders from anywhere in the page (the change kept). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "orders.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "orders.back", NULL);
}

static void
sa_order_page_init (SaOrderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The banner's button keeps its label property (test-ui-l10n reads it)
   * and wraps, so that the page fits 360 px (issue 15). */
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ORDER_PAGE, "banner_button")))), TRUE);
  /* So does the shipped note's SCM link, shown on any order a trainer ships
   * (issue 14). */
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ORDER_PAGE, "scm_link")))), TRUE);

  g_signal_connect (self->terms_check, "toggled", G_CALLBACK (on_terms_toggled), self);
  /* Read as "Retry", not "_Retry Retry" (issue 11). */
  sa_a11y_name (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ORDER_PAGE, "retry_button")),
                _("_Retry"));

  sa_ui_insert_settings_actions (GTK_WIDGET (self));
  update_procedure (self);
}

/**
 * sa_order_page_new:
 * @client: a signed-in #SaClient
 * @sales_order_number: the Sales Order No. to show
 *
 * Creates the order page (step 3 of "assign an order": the order details) and
 * starts loading the order with sa_client_get_order_async(); a spinner shows
 * until it arrives, a translated error with Retry if it fails.
 *
 * Returns: (transfer floating): the new #SaOrderPage
 */
GtkWidget *
sa_order_page_new (SaClient   *client,
                   const char *sales_order_number)
{
  SaOrderPage *self;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (sales_order_number != NULL, NULL);

  self = g_object_new (SA_TYPE_ORDER_PAGE, NULL);
  self->client = g_object_ref (client);
  self->sales_order_number = g_strdup (sales_order_number);

  /* Cisco: the terms of use are accepted in CCW, where the change is made. */
  if (hands_off (self))
    {
      GtkWidget *submit_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ORDER_PAGE,
                                                                            "submit_button"));

      gtk_widget_set_visible (GTK_WIDGET (self->terms_check), FALSE);
      /* Submit stays at the end of its line without the check box. */
      gtk_widget_set_hexpand (submit_button, TRUE);
      gtk_widget_set_halign (submit_button, GTK_ALIGN_END);
    }

  update_view (self);
  load_order (self);

  return GTK_WIDGET (self);
}

/**
 * sa_order_page_set_pending:
 * @self: a #SaOrderPage
 * @slot: %SA_ACCOUNT_TYPE_CUSTOMER (End Customer) or %SA_ACCOUNT_TYPE_HOLDING
 * @assignment: (nullable): the new contents of @slot, or %NULL to undo
 *
 * Sets the change waiting to be submitted for @slot (what Assign does, step 8
 * of "assign an order"), and shows it in the Smart Account section.
 */
void
sa_order_page_set_pending (SaOrderPage   *self,
                           SaAccountType  slot,
                           SaAssignment  *assignment)
{
  g_return_if_fail (SA_IS_ORDER_PAGE (self));
  g_return_if_fail (assignment == NULL || SA_IS_ASSIGNMENT (assignment));

  sa_assignment_row_set_pending (slot == SA_ACCOUNT_TYPE_HOLDING ? self->holding_row : self->end_customer_row,
                                 assignment);
  sa_order_page_keep_changes (self);

  if (!has_pending (self))
    set_error_message (self, NULL);

  reveal_section (self, FALSE);
  update_view (self);
}

/**
 * sa_order_page_get_sales_order_number:
 * @self: a #SaOrderPage
 *
 * Returns: (transfer none): the Sales Order No. this page shows
 */
const char *
sa_order_page_get_sales_order_number (SaOrderPage *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGE (self), NULL);

  return self->sales_order_number;
}

/**
 * sa_order_page_get_order:
 * @self: a #SaOrderPage
 *
 * Returns: (transfer none) (nullable): the order as last loaded from the
 *   server, %NULL until it arrives
 */
SaOrder *
sa_order_page_get_order (SaOrderPage *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGE (self), NULL);

  return self->order;
}

/**
 * sa_order_page_get_loading:
 * @self: a #SaOrderPage
 *
 * Returns: %TRUE while the order is being (re)loaded
 */
gboolean
sa_order_page_get_loading (SaOrderPage *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGE (self), FALSE);

  return self->loading;
}
