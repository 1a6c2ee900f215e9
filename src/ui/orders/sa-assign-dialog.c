/* sa-assign-dialog.c — the Assign Smart Account dialog
 *
 * Mirrors steps 5 to 8 of "How do I assign an order to a Smart Account" and
 * step 7 of "Updating Smart Account Assignment in CCW": a ribbon names the slot
 * being edited; "Select an Existing Account"; search by Domain Identifier,
 * Account Name or Email ID; pick the Smart Account; pick its Virtual Account;
 * Assign. The dialog only returns the choice ("assigned"); the order page
 * submits it. For an End Customer without a Smart Account, "Request a Smart
 * Account" opens that wizard (procedure 3); once the request is sent the
 * dialog searches for the new Pending account and selects it, with its
 * DEFAULT Virtual Account, so that the order can be assigned at once.
 * Before Assign, the documented checks run on the choice (SaAssignChecks):
 * the account exists (an exact match among a substring search's results),
 * its type fits the slot, Pending or Expired, a double-byte Virtual Account
 * name; a wrong type or an Expired account keeps Assign disabled. The same
 * sa_client calls answer with every back end, Cisco's included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-request-wizard.h"
#include "sa-assign-checks.h"
#include "sa-assign-dialog-private.h"
#include "sa-assign-review.h"
#include "sa-orders-a11y.h"
#include "sa-procedure-panel.h"
#include "sa-smart-account-row.h"
#include "sa-ui-util.h"

struct _SaAssignDialog
{
  AdwWindow         parent_instance;

  SaClient         *client;
  SaAccountType     slot;
  GCancellable     *search_cancellable;
  GCancellable     *va_cancellable;

  GListModel       *accounts;
  SaSmartAccount   *selected_account;
  GListModel       *virtual_accounts;
  char             *select_domain;    /* to select once the search answers */
  char             *intended_va;      /* the double-byte name "Use DEFAULT Instead" replaced */
  char             *select_va;        /* the Virtual Account to select once listed */
  SaAssignment     *current;          /* what the slot holds on the server */
  guint             focus_va : 1;     /* move to the Virtual Account once listed */
  guint             can_submit : 1;   /* the review may submit (only this slot changes) */

  GtkLabel         *ribbon_label;
  AdwActionRow     *request_account_row;
  GtkDropDown      *options_dropdown;
  GtkDropDown      *search_by_dropdown;
  GtkSearchEntry   *search_entry;
  GtkButton        *assign_button;
  GtkLabel         *search_error_label;
  GtkStack         *results_stack;
  GtkSpinner       *search_spinner;
  GtkListBox       *results_list;
  SaAssignChecks   *checks;
  GtkWidget        *pending_note;
  GtkWidget        *holding_note;
  GtkDropDown      *va_dropdown;
  GtkSpinner       *va_spinner;
  SaAssignReview   *review;
  SaProcedurePanel *procedure_panel;
};

G_DEFINE_FINAL_TYPE (SaAssignDialog, sa_assign_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SELECTED_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ASSIGNED,
  SUBMIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Issue 11: "Search by" is kept from one dialog to the next while the app runs. */
static SaAccountSearchField last_search_by = SA_ACCOUNT_SEARCH_DOMAIN;

static void
update_procedure (SaAssignDialog *self)
{
  SaProcedureStep step;

  if (self->selected_account != NULL)
    step = SA_PROCEDURE_STEP_ASSIGN_VIRTUAL_ACCOUNT;
  else if (self->accounts != NULL && g_list_model_get_n_items (self->accounts) > 0)
    step = SA_PROCEDURE_STEP_ASSIGN_SELECT_ACCOUNT;
  else
    step = SA_PROCEDURE_STEP_ASSIGN_SEARCH_ACCOUNT;

  sa_procedure_panel_show_step (self->procedure_panel, step);
}

/* The index of the DEFAULT Virtual Account in the loaded list, or -1. */
static int
find_default (SaAssignDialog *self)
{
  guint n = self->virtual_accounts != NULL ? g_list_model_get_n_items (self->virtual_accounts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaVirtualAccount) va = g_list_model_get_item (self->virtual_accounts, i);

      if (sa_virtual_account_get_is_default (va))
        return (int) i;
    }

  return -1;
}

/* The choice as the order page takes it (step 8), or %NULL while incomplete. */
static SaAssignment *
build_assignment (SaAssignDialog *self)
{
  SaVirtualAccount *va = self->virtual_accounts != NULL ? gtk_drop_down_get_selected_item (self->va_dropdown) : NULL;
  SaAssignment *assignment;

  if (self->selected_account == NULL || va == NULL)
    return NULL;

  assignment = sa_assignment_new (sa_smart_account_get_domain (self->selected_account),
                                  sa_smart_account_get_name (self->selected_account),
                                  sa_smart_account_get_account_type (self->selected_account),
                                  sa_smart_account_get_status (self->selected_account),
                                  sa_virtual_account_get_name (va));
  if (self->intended_va != NULL && sa_virtual_account_get_is_default (va))
    g_object_set_data_full (G_OBJECT (assignment), SA_ASSIGNMENT_INTENDED_VIRTUAL_ACCOUNT_KEY,
                            g_strdup (self->intended_va), g_free);

  return assignment;
}

/* Step 7's checks on the current choice; a wrong type or an Expired account
 * keeps Assign disabled. */
static void
update_actions (SaAssignDialog *self)
{
  SaVirtualAccount *va = self->virtual_accounts != NULL ? gtk_drop_down_get_selected_item (self->va_dropdown) : NULL;
  SaAssignmentProblems problems;
  gboolean can_assign;

  problems = sa_assign_checks_check (self->checks, self->slot, self->selected_account, va, find_default (self) >= 0);
  can_assign = self->selected_account != NULL &&
               self->virtual_accounts != NULL &&
               va != NULL &&
               !sa_assignment_problems_block (problems);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.assign", can_assign);

  /* The review restates the change once it is complete (steps 9 and 10). */
  {
    g_autoptr(SaAssignment) after = can_assign ? build_assignment (self) : NULL;

    gtk_widget_set_visible (GTK_WIDGET (self->review), self->can_submit);
    sa_assign_review_set_change (self->review, self->slot, self->current, after);
  }
}

static void
on_use_default (SaAssignChecks *checks,
                SaAssignDialog *self)
{
  int index = find_default (self);
  SaVirtualAccount *va = gtk_drop_down_get_selected_item (self->va_dropdown);

  if (index < 0)
    return;

  g_free (self->intended_va);
  self->intended_va = va != NULL ? g_strdup (sa_virtual_account_get_name (va)) : NULL;
  gtk_drop_down_set_selected (self->va_dropdown, (guint) index);
}

static void
show_search_error (SaAssignDialog *self,
                   const char     *message)
{
  if (message != NULL)
    {
      gtk_label_set_text (self->search_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->search_error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_error_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
    }
}

static char *
virtual_account_label_cb (SaVirtualAccount *virtual_account,
                          gpointer          user_data)
{
  if (virtual_account == NULL)
    return NULL;

  return sa_ui_dup_virtual_account_label (virtual_account);
}

static void
clear_virtual_accounts (SaAssignDialog *self)
{
  g_cancellable_cancel (self->va_cancellable);
  g_clear_object (&self->va_cancellable);
  g_clear_object (&self->virtual_accounts);
  gtk_drop_down_set_model (self->va_dropdown, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->va_dropdown), FALSE);
  /* Empty, it would show GTK's own "(None)" (issue 11): hidden instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->va_dropdown), FALSE);
  gtk_spinner_set_spinning (self->va_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->va_spinner), FALSE);
}

static void
list_virtual_accounts_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SaAssignDialog *self;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  model = sa_client_list_virtual_accounts_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ASSIGN_DIALOG (user_data);
  gtk_spinner_set_spinning (self->va_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->va_spinner), FALSE);

  if (model == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Listing Virtual Accounts failed: %s", error->message);
      show_search_error (self, message);
      update_actions (self);
      return;
    }

  /* DEFAULT, or the one the slot is on now (issue 11: not DEFAULT when the
   * order is on 東京オフィス). */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SaVirtualAccount) va = g_list_model_get_item (model, i);

      if (self->select_va != NULL && g_strcmp0 (sa_virtual_account_get_name (va), self->select_va) == 0)
        {
          selected = i;
          break;
        }
      if (sa_virtual_account_get_is_default (va))
        selected = i;
    }

  self->virtual_accounts = g_object_ref (model);
  gtk_drop_down_set_model (self->va_dropdown, model);
  if (g_list_model_get_n_items (model) > 0)
    gtk_drop_down_set_selected (self->va_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->va_dropdown), g_list_model_get_n_items (model) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->va_dropdown), g_list_model_get_n_items (model) > 0);
  if (self->focus_va && g_list_model_get_n_items (model) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->va_dropdown));
  self->focus_va = FALSE;

  update_actions (self);
  update_procedure (self);
}

static void
select_account (SaAssignDialog *self,
                SaSmartAccount *account)
{
  if (account == self->selected_account)
    return;

  clear_virtual_accounts (self);
  g_set_object (&self->selected_account, account);
  g_clear_pointer (&self->intended_va, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACCOUNT]);

  gtk_widget_set_visible (self->pending_note,
                          account != NULL &&
                          sa_smart_account_get_status (account) == SA_ACCOUNT_STATUS_PENDING);
  update_actions (self);
  update_procedure (self);

  if (account == NULL)
    return;

  show_search_error (self, NULL);
  self->va_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->va_spinner), TRUE);
  gtk_spinner_set_spinning (self->va_spinner, TRUE);
  sa_client_list_virtual_accounts_async (self->client,
                                         sa_smart_account_get_domain (account),
                                         sa_smart_account_get_account_type (account),
                                         self->va_cancellable,
                                         list_virtual_accounts_cb,
                                         self);
}

/* The list box's factory: one SaSmartAccountRow per search result. */
static GtkWidget *
new_account_row (gpointer item,
                 gpointer user_data)
{
  return sa_smart_account_row_new (SA_SMART_ACCOUNT (item));
}

static void
on_row_selected (GtkListBox     *list,
                 GtkListBoxRow  *row,
                 SaAssignDialog *self)
{
  select_account (self, row != NULL ? sa_smart_account_row_get_account (SA_SMART_ACCOUNT_ROW (row)) : NULL);
}

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  SaAssignDialog *self)
{
  /* Issue 11: Enter on a result moves on to the Virtual Account (once
   * listed), never to the dialog's default Assign. */
  gtk_list_box_select_row (list, row);
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->va_dropdown)))
    gtk_widget_grab_focus (GTK_WIDGET (self->va_dropdown));
  else
    self->focus_va = TRUE;
}

static gboolean
on_results_key_pressed (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        SaAssignDialog        *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      !GTK_IS_LIST_BOX_ROW (focus))
    return FALSE;

  on_row_activated (self->results_list, GTK_LIST_BOX_ROW (focus), self);
  return TRUE;
}

static void
search_accounts_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SaAssignDialog *self;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = sa_client_search_accounts_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ASSIGN_DIALOG (user_data);
  gtk_spinner_set_spinning (self->search_spinner, FALSE);

  /* The account exists? (Cisco: substring matches; restricted accounts only
   * by their full name or domain.) */
  sa_assign_checks_show_results (self->checks, model,
                                 (SaAccountSearchField) gtk_drop_down_get_selected (self->search_by_dropdown),
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                 (sa_client_get_features (self->client) &
                                  SA_CLIENT_FEATURE_RESTRICTED_ACCOUNTS_HIDDEN) != 0);

  if (model == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Smart Account search failed: %s", error->message);
      show_search_error (self, message);
      gtk_stack_set_visible_child_name (self->results_stack, "initial");
      return;
    }

  g_set_object (&self->accounts, model);
  gtk_list_box_bind_model (self->results_list, model, new_account_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_list_model_get_n_items (model) > 0 ? "results" : "empty");

  /* Issue 11: a single match is the choice; move on to its Virtual Account. */
  if (self->select_domain == NULL && g_list_model_get_n_items (model) == 1)
    {
      gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
      on_row_activated (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0), self);
    }

  /* Back from "Request a Smart Account", or opened on the slot's account:
   * select it. */
  if (self->select_domain != NULL)
    {
      g_autofree char *domain = g_steal_pointer (&self->select_domain);
      GtkListBoxRow *row;

      for (int i = 0; (row = gtk_list_box_get_row_at_index (self->results_list, i)) != NULL; i++)
        {
          SaSmartAccount *account = sa_smart_account_row_get_account (SA_SMART_ACCOUNT_ROW (row));

          if (account != NULL && g_ascii_strcasecmp (sa_smart_account_get_domain (account), domain) == 0)
            {
              gtk_list_box_select_row (self->results_list, row);
              break;
            }
        }
    }
  update_procedure (self);
}

/**
 * sa_assign_dialog_search:
 * @self: a #SaAssignDialog
 *
 * Runs the Smart Account search with what the "Search by" drop-down and the
 * search entry hold (step 6 of "assign an order"). Invalid input is shown
 * under the entry and not sent. The results are filtered to the slot's type
 * (CUSTOMER for End Customer, HOLDING for Holding). What the dialog does when
 * the user presses Enter or Search.
 */
void
sa_assign_dialog_search (SaAssignDialog *self)
{
  g_autoptr(GError) error = NULL;
  SaAccountSearchField field;
  const char *value;

  g_return_if_fail (SA_IS_ASSIGN_DIALOG (self));

  field = (SaAccountSearchField) gtk_drop_down_get_selected (self->search_by_dropdown);
  value = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!sa_validate_account_search (field, value, &error))
    {
      show_search_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  show_search_error (self, NULL);
  select_account (self, NULL);
  /* A search of the user's own forgets what the dialog opened on. */
  g_clear_pointer (&self->select_domain, g_free);
  g_clear_pointer (&self->select_va, g_free);
  g_clear_object (&self->accounts);
  gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->results_stack, "loading");
  gtk_spinner_set_spinning (self->search_spinner, TRUE);
  update_procedure (self);

  sa_client_search_accounts_async (self->client, field, value, (int) self->slot,
                                   self->search_cancellable, search_accounts_cb, self);
}

static void
update_placeholder (SaAssignDialog *self)
{
  const char *placeholder;

  switch ((SaAccountSearchField) gtk_drop_down_get_selected (self->search_by_dropdown))
    {
    case SA_ACCOUNT_SEARCH_NAME:
      placeholder = _("Account name, e.g. Acme Industrie");
      break;
    case SA_ACCOUNT_SEARCH_EMAIL:
      placeholder = _("E-mail address, e.g. it@acme-industrie.fr");
      break;
    case SA_ACCOUNT_SEARCH_DOMAIN:
    default:
      placeholder = _("Domain, e.g. acme-industrie.fr");
      break;
    }

  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, placeholder,
                                  -1);
}

static void
on_search_by_changed (GtkDropDown    *dropdown,
                      GParamSpec     *pspec,
                      SaAssignDialog *self)
{
  update_placeholder (self);
  show_search_error (self, NULL);
  last_search_by = (SaAccountSearchField) gtk_drop_down_get_selected (dropdown);
}

static void
on_va_selected (GtkDropDown    *dropdown,
                GParamSpec     *pspec,
                SaAssignDialog *self)
{
  update_actions (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sa_assign_dialog_search (SA_ASSIGN_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SaAssignDialog *self = SA_ASSIGN_DIALOG (widget);
  g_autoptr(SaAssignment) assignment = build_assignment (self);

  if (assignment == NULL)
    return;

  /* Keep ourselves alive while handlers run, then close. */
  g_object_ref (self);
  g_signal_emit (self, signals[ASSIGNED], 0, assignment);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* The review's "Submit Change": terms accepted, the change confirmed. */
static void
on_review_submit (SaAssignReview *review,
                  SaAssignDialog *self)
{
  g_autoptr(SaAssignment) assignment = build_assignment (self);

  if (assignment == NULL || !sa_assign_review_get_terms_accepted (review))
    return;

  g_object_ref (self);
  g_signal_emit (self, signals[SUBMIT_REQUESTED], 0, assignment);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Once the terms are accepted, Enter means Submit Change. */
static void
on_terms_accepted (SaAssignReview *review,
                   GParamSpec     *pspec,
                   SaAssignDialog *self)
{
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 sa_assign_review_get_terms_accepted (review)
                                   ? sa_assign_review_get_submit_button (review)
                                   : GTK_WIDGET (self->assign_button));
}

static void
on_account_requested (SaAccountRequestWizard *wizard,
                      SaAccountRequest       *request,
                      SaAssignDialog         *self)
{
  SaSmartAccount *account = sa_account_request_get_smart_account (request);
  const char *domain = account != NULL ? sa_smart_account_get_domain (account)
                                       : sa_account_request_get_account_domain (request);

  /* Search for the new account by its Account Domain and select it (with its
   * DEFAULT Virtual Account), so that the order can be assigned at once. */
  gtk_drop_down_set_selected (self->search_by_dropdown, SA_ACCOUNT_SEARCH_DOMAIN);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), domain);
  sa_assign_dialog_search (self);
  self->select_domain = g_strdup (domain);
}

static void
request_account_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SaAssignDialog *self = SA_ASSIGN_DIALOG (widget);
  SaAccountRequestWizard *wizard;

  /* A requested Smart Account is always an End Customer one. */
  if (self->slot != SA_ACCOUNT_TYPE_CUSTOMER)
    return;

  wizard = sa_account_request_wizard_new (self->client, GTK_WINDOW (self));
  sa_account_request_wizard_set_assign_mode (wizard, TRUE);
  g_signal_connect_object (wizard, "request-sent", G_CALLBACK (on_account_requested), self, 0);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
sa_assign_dialog_dispose (GObject *object)
{
  SaAssignDialog *self = SA_ASSIGN_DIALOG (object);

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->va_cancellable);

  if (self->results_list != NULL)
    gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ASSIGN_DIALOG);

  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->va_cancellable);
  g_clear_object (&self->accounts);
  g_clear_object (&self->selected_account);
  g_clear_object (&self->virtual_accounts);
  g_clear_pointer (&self->select_domain, g_free);
  g_clear_pointer (&self->intended_va, g_free);
  g_clear_pointer (&self->select_va, g_free);
  g_clear_object (&self->current);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_assign_dialog_parent_class)->dispose (object);
}

static void
sa_assign_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaAssignDialog *self = SA_ASSIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ACCOUNT:
      g_value_set_object (value, self->selected_account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Issue 11: names a screen reader speaks where GTK 4.8 gives none (the
 * entry, the drop-downs' buttons, the lists) or reads a mnemonic twice. */
static const char *
child_title (SaAssignDialog *self,
             const char     *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                                            SA_TYPE_ASSIGN_DIALOG,
                                                                                            row)));
}

static void
sa_assign_dialog_name_for_readers (SaAssignDialog *self)
{
  const char *buttons[] = { "cancel_button", "search_button", "assign_button" };

  sa_a11y_name_drop_down (self->options_dropdown, child_title (self, "options_row"));
  sa_a11y_name_drop_down (self->search_by_dropdown, child_title (self, "search_by_row"));
  sa_a11y_name_drop_down (self->va_dropdown, child_title (self, "va_row"));
  sa_a11y_name (GTK_WIDGET (self->search_entry), child_title (self, "search_by_row"));
  sa_a11y_name (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ASSIGN_DIALOG, "options_list")),
                gtk_window_get_title (GTK_WINDOW (self)));
  sa_a11y_name (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ASSIGN_DIALOG, "va_list")),
                child_title (self, "va_row"));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ASSIGN_DIALOG, buttons[i]));

      sa_a11y_name (button, gtk_button_get_label (GTK_BUTTON (button)));
    }
  /* At 360 px the drop-downs squeeze the titles: never "Option-s". */
  sa_ui_wrap_row_title_at_words (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ASSIGN_DIALOG, "options_row"));
  sa_ui_wrap_row_title_at_words (gtk_widget_get_template_child (GTK_WIDGET (self), SA_TYPE_ASSIGN_DIALOG, "search_by_row"));
}

static void
sa_assign_dialog_class_init (SaAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_assign_dialog_dispose;
  object_class->get_property = sa_assign_dialog_get_property;

  /**
   * SaAssignDialog:selected-account:
   *
   * The #SaSmartAccount selected in the search results (step 7 of "assign an
   * order"), or %NULL.
   */
  properties[PROP_SELECTED_ACCOUNT] =
    g_param_spec_object ("selected-account", NULL, NULL, SA_TYPE_SMART_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaAssignDialog::assigned:
   * @self: the dialog
   * @assignment: (transfer none): the chosen Smart Account and Virtual Account
   *
   * Emitted when the user selects Assign (step 8 of "assign an order"); the
   * dialog closes right after. Nothing is sent to the server yet.
   */
  signals[ASSIGNED] = g_signal_new ("assigned",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, SA_TYPE_ASSIGNMENT);

  /**
   * SaAssignDialog::submit-requested:
   * @self: the dialog
   * @assignment: (transfer none): the chosen Smart Account and Virtual Account
   *
   * Emitted by the review's "Submit Change" (steps 9 and 10 of "assign an
   * order" in the dialog: the terms accepted, the restated change
   * confirmed); the order page submits @assignment at once. The dialog
   * closes right after.
   */
  signals[SUBMIT_REQUESTED] = g_signal_new ("submit-requested",
                                            G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, SA_TYPE_ASSIGNMENT);

  g_type_ensure (SA_TYPE_ASSIGN_REVIEW);
  g_type_ensure (SA_TYPE_PROCEDURE_PANEL);
  g_type_ensure (SA_TYPE_ASSIGN_CHECKS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, ribbon_label);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, request_account_row);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, options_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, search_by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, assign_button);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, search_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, search_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, checks);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, pending_note);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, holding_note);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, va_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, va_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, review);
  gtk_widget_class_bind_template_child (widget_class, SaAssignDialog, procedure_panel);
  /* Reachable with gtk_widget_get_template_child() (tests, accessible names). */
  gtk_widget_class_bind_template_child_full (widget_class, "options_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "search_by_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "va_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "search_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "options_list", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "va_list", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dialog.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "dialog.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "dialog.request-account", NULL, request_account_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "settings.show-procedure-panel", NULL);
}

static void
sa_assign_dialog_init (SaAssignDialog *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->can_submit = TRUE;
  gtk_drop_down_set_selected (self->search_by_dropdown, last_search_by);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (virtual_account_label_cb),
                                            NULL, NULL);
  gtk_drop_down_set_expression (self->va_dropdown, expression);

  g_signal_connect (self->results_list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect (self->results_list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->search_by_dropdown, "notify::selected", G_CALLBACK (on_search_by_changed), self);
  g_signal_connect (self->va_dropdown, "notify::selected", G_CALLBACK (on_va_selected), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (sa_assign_dialog_search), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (gtk_window_close), self);
  g_signal_connect (self->checks, "use-default", G_CALLBACK (on_use_default), self);
  g_signal_connect (self->review, "submit", G_CALLBACK (on_review_submit), self);
  g_signal_connect (self->review, "notify::terms-accepted", G_CALLBACK (on_terms_accepted), self);

  /* Issue 11: Enter on a result never reaches the default Assign. */
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_results_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->results_list), keys);

  sa_assign_dialog_name_for_readers (self);

  sa_ui_insert_settings_actions (GTK_WIDGET (self));

  update_placeholder (self);
  update_actions (self);
  update_procedure (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * sa_assign_dialog_new:
 * @client: a signed-in #SaClient
 * @slot: which slot of the order is edited: %SA_ACCOUNT_TYPE_CUSTOMER for the
 *   End Customer Smart Account, %SA_ACCOUNT_TYPE_HOLDING for the Holding one
 * @parent: (nullable): the window to be modal for
 *
 * Creates the Assign Smart Account dialog (step 5 of "assign an order", step 6
 * of "update an assignment": what the pencil opens). Show it with
 * gtk_window_present(); connect to #SaAssignDialog::assigned for the choice.
 *
 * Returns: (transfer none): the new dialog, owned by GTK's toplevel list
 */
SaAssignDialog *
sa_assign_dialog_new (SaClient      *client,
                      SaAccountType  slot,
                      GtkWindow     *parent)
{
  SaAssignDialog *self;
  gboolean can_request;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SA_TYPE_ASSIGN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  self->slot = slot;

  if (slot == SA_ACCOUNT_TYPE_HOLDING)
    gtk_label_set_text (self->ribbon_label, _("Updating Holding Smart Account"));
  else
    gtk_label_set_text (self->ribbon_label, _("Updating End Customer Smart Account"));
  gtk_widget_set_visible (self->holding_note, slot == SA_ACCOUNT_TYPE_HOLDING);
  /* Requested Smart Accounts are End Customer ones: not offered for Holding,
   * nor where the back end takes no requests (Cisco: its own portal). */
  can_request = slot == SA_ACCOUNT_TYPE_CUSTOMER &&
                (sa_client_get_features (client) & SA_CLIENT_FEATURE_ACCOUNT_REQUESTS) != 0;
  gtk_widget_set_visible (GTK_WIDGET (self->request_account_row), can_request);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.request-account", can_request);

  return self;
}

/**
 * sa_assign_dialog_get_slot:
 * @self: a #SaAssignDialog
 *
 * Returns: the slot being edited
 */
SaAccountType
sa_assign_dialog_get_slot (SaAssignDialog *self)
{
  g_return_val_if_fail (SA_IS_ASSIGN_DIALOG (self), SA_ACCOUNT_TYPE_CUSTOMER);

  return self->slot;
}

/**
 * sa_assign_dialog_get_selected_account:
 * @self: a #SaAssignDialog
 *
 * Returns: (transfer none) (nullable): the Smart Account selected in the
 *   results (step 7), if any
 */
SaSmartAccount *
sa_assign_dialog_get_selected_account (SaAssignDialog *self)
{
  g_return_val_if_fail (SA_IS_ASSIGN_DIALOG (self), NULL);

  return self->selected_account;
}

/**
 * sa_assign_dialog_select_virtual_account:
 * @self: a #SaAssignDialog
 * @name: a Virtual Account name, exactly as the server gives it
 *
 * Selects @name in the "Virtual Account Name" drop-down, as the user does in
 * step 8 (used by tests and the screenshot tool).
 *
 * Returns: %TRUE when the loaded list holds @name
 */
gboolean
sa_assign_dialog_select_virtual_account (SaAssignDialog *self,
                                         const char     *name)
{
  g_return_val_if_fail (SA_IS_ASSIGN_DIALOG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->virtual_accounts == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (self->virtual_accounts); i++)
    {
      g_autoptr(SaVirtualAccount) va = g_list_model_get_item (self->virtual_accounts, i);

      if (g_strcmp0 (sa_virtual_account_get_name (va), name) == 0)
        {
          gtk_drop_down_set_selected (self->va_dropdown, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sa_assign_dialog_set_current:
 * @self: a #SaAssignDialog
 * @saved: (nullable): what the slot holds on the server
 * @effective: (nullable): what it will hold: the change waiting on the
 *   order page, else @saved
 *
 * Opens the dialog on what is there now (issue 11; step 7 of "Updating Smart
 * Account Assignment in CCW" starts from the current assignment): searches
 * for @effective's Smart Account (by its Domain Identifier, or its Account
 * Name when "Search by" was last Account Name), selects it and its Virtual
 * Account. The review restates the change from @saved. Call before
 * presenting the dialog.
 */
void
sa_assign_dialog_set_current (SaAssignDialog *self,
                              SaAssignment   *saved,
                              SaAssignment   *effective)
{
  g_return_if_fail (SA_IS_ASSIGN_DIALOG (self));

  g_set_object (&self->current, saved);
  update_actions (self);
  if (effective == NULL)
    return;

  if (gtk_drop_down_get_selected (self->search_by_dropdown) == SA_ACCOUNT_SEARCH_NAME)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), sa_assignment_get_name (effective));
  else
    {
      gtk_drop_down_set_selected (self->search_by_dropdown, SA_ACCOUNT_SEARCH_DOMAIN);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), sa_assignment_get_domain (effective));
    }
  sa_assign_dialog_search (self);
  self->select_domain = g_strdup (sa_assignment_get_domain (effective));
  self->select_va = g_strdup (sa_assignment_get_virtual_account (effective));
}

/**
 * sa_assign_dialog_set_can_submit:
 * @self: a #SaAssignDialog
 * @can_submit: whether the dialog's review (terms, "Submit Change") is offered
 *
 * The review submits this slot's change at once (steps 9 and 10 of "assign
 * an order" in the dialog): offered only when no other change waits on the
 * order and the back end takes the change (not with Cisco's portal).
 */
void
sa_assign_dialog_set_can_submit (SaAssignDialog *self,
                                 gboolean        can_submit)
{
  g_return_if_fail (SA_IS_ASSIGN_DIALOG (self));

  self->can_submit = !!can_submit;
  update_actions (self);
}
