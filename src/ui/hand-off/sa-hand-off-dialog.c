/* sa-hand-off-dialog.c — "Complete in Cisco's Portal": the last step of a
 * procedure with the Cisco connection
 *
 * Cisco publishes no API that writes the four procedures (CISCO-APIS.md §0):
 * with a back end that has %SA_CLIENT_FEATURE_PORTAL_HAND_OFF, Submit after
 * the Assign Smart Account dialog and Send Request in both wizards open this
 * page instead. It lists the documented steps still to do in the portal
 * (sa-hand-off-steps.c), in the app's words and the user's language, each
 * with the exact values to enter and their copy buttons; a button opens the
 * portal page (CCW's order page, Cisco Software Central); the procedure panel
 * follows the selected step. "Done in the Portal" records the hand-off in the
 * journal as handed off, "Not Now" (or closing) keeps it there as a draft:
 * nothing is called done before the watch's reads confirm it. With Cisco
 * (practice), "Do It in the Practice Portal" applies the change on the
 * sandbox (sa-hand-off-practice.c), then records it as done in the portal.
 * Once answered, "response" is emitted ("done" or "not-now") and the caller
 * destroys the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-hand-off-dialog-private.h"
#include "sa-hand-off-private.h"
#include "sa-hand-off-step-row.h"
#include "sa-procedure-panel.h"
#include "sa-ui-util.h"

struct _SaHandOffDialog
{
  AdwWindow         parent_instance;

  SaClient         *client;
  GPtrArray        *hand_offs;
  char             *practice_uri;
  GCancellable     *cancellable;
  GtkWidget        *caller;   /* weak */
  guint             busy : 1;
  guint             answered : 1;

  GtkLabel         *intro_label;
  GtkWidget        *practice_box;
  GtkSpinner       *practice_spinner;
  GtkLabel         *error_label;
  GtkListBox       *steps_list;
  GtkButton        *portal_button;
  GtkButton        *done_button;
  SaProcedurePanel *procedure_panel;
};

G_DEFINE_FINAL_TYPE (SaHandOffDialog, sa_hand_off_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static SaHandOffLaunchFunc launcher;
static gpointer            launcher_data;

static SaHandOff *
first_hand_off (SaHandOffDialog *self)
{
  return g_ptr_array_index (self->hand_offs, 0);
}

static void
set_busy (SaHandOffDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->practice_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hand-off.done", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hand-off.not-now", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hand-off.practice", !busy && self->practice_uri != NULL);
}

/* Records the hand-offs in @state and answers the caller. */
static void
answer (SaHandOffDialog *self,
        SaHandOffState   state)
{
  if (self->answered)
    return;

  self->answered = TRUE;
  sa_hand_off_record (self->hand_offs, state, self->caller);
  g_signal_emit (self, signals[RESPONSE], 0,
                 state == SA_HAND_OFF_STATE_HANDED_OFF ? "done" : "not-now");
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  answer (SA_HAND_OFF_DIALOG (widget), SA_HAND_OFF_STATE_HANDED_OFF);
}

static void
not_now_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  answer (SA_HAND_OFF_DIALOG (widget), SA_HAND_OFF_STATE_DRAFT);
}

static void
open_portal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SaHandOffDialog *self = SA_HAND_OFF_DIALOG (widget);
  const char *uri = sa_hand_off_get_portal_uri (first_hand_off (self));

  if (launcher != NULL)
    launcher (uri, launcher_data);
  else
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
practice_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaHandOffDialog *self;
  g_autoptr(GError) error = NULL;

  if (sa_hand_off_practice_finish (result, &error))
    {
      self = SA_HAND_OFF_DIALOG (user_data);
      set_busy (self, FALSE);
      answer (self, SA_HAND_OFF_STATE_HANDED_OFF);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_HAND_OFF_DIALOG (user_data);
  set_busy (self, FALSE);
  g_debug ("The practice portal failed: %s", error->message);
  {
    g_autofree char *message = sa_error_dup_user_message (error);

    gtk_label_set_text (self->error_label, message);
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  }
}

static void
practice_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SaHandOffDialog *self = SA_HAND_OFF_DIALOG (widget);

  if (self->busy || self->practice_uri == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);
  sa_hand_off_practice_async (self->practice_uri, self->hand_offs, self->cancellable,
                              practice_cb, self);
}

static gboolean
sa_hand_off_dialog_close_request (GtkWindow *window)
{
  SaHandOffDialog *self = SA_HAND_OFF_DIALOG (window);

  /* Closing is "Not Now": the prepared values are kept. The caller destroys
   * the page from its "response" handler. */
  if (!self->answered && !self->busy)
    {
      answer (self, SA_HAND_OFF_STATE_DRAFT);
      return TRUE;
    }

  return self->busy;
}

static void
on_step_selected (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  SaHandOffDialog *self)
{
  if (row != NULL)
    sa_procedure_panel_show_step (self->procedure_panel,
                                  sa_hand_off_step_row_get_step (SA_HAND_OFF_STEP_ROW (row)));
}

static void
sa_hand_off_dialog_dispose (GObject *object)
{
  SaHandOffDialog *self = SA_HAND_OFF_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->hand_offs, g_ptr_array_unref);
  g_clear_weak_pointer (&self->caller);

  G_OBJECT_CLASS (sa_hand_off_dialog_parent_class)->dispose (object);
}

static void
sa_hand_off_dialog_finalize (GObject *object)
{
  SaHandOffDialog *self = SA_HAND_OFF_DIALOG (object);

  g_free (self->practice_uri);

  G_OBJECT_CLASS (sa_hand_off_dialog_parent_class)->finalize (object);
}

static void
sa_hand_off_dialog_class_init (SaHandOffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sa_hand_off_dialog_dispose;
  object_class->finalize = sa_hand_off_dialog_finalize;
  window_class->close_request = sa_hand_off_dialog_close_request;

  /**
   * SaHandOffDialog::response:
   * @response: "done" (recorded as handed off) or "not-now" (kept as a draft)
   *
   * Emitted once the user has answered and the journal write has started;
   * the caller destroys the page.
   */
  signals[RESPONSE] = g_signal_new ("response",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SA_TYPE_PROCEDURE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, SA_RESOURCE_PATH "/hand-off/sa-hand-off-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SaHandOffDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffDialog, practice_box);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffDialog, practice_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffDialog, steps_list);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffDialog, portal_button);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, SaHandOffDialog, procedure_panel);

  gtk_widget_class_install_action (widget_class, "hand-off.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "hand-off.not-now", NULL, not_now_action);
  gtk_widget_class_install_action (widget_class, "hand-off.open-portal", NULL, open_portal_action);
  gtk_widget_class_install_action (widget_class, "hand-off.practice", NULL, practice_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "settings.show-procedure-panel", NULL);
}

static void
sa_hand_off_dialog_init (SaHandOffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sa_ui_insert_settings_actions (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->steps_list, "row-selected", G_CALLBACK (on_step_selected), self);
}

/* What the page is about, and why the app hands it to the portal. */
static char *
dup_intro (SaHandOff *hand_off)
{
  const char *subject = sa_hand_off_get_subject (hand_off);

  switch (sa_hand_off_get_procedure (hand_off))
    {
    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
      /* Translators: %s is the Account Domain of the requested Smart Account */
      return g_strdup_printf (_("Cisco publishes no API that requests a Smart Account, so the app does not send "
                                "the request for %s: send it in Cisco Software Central with the values below, "
                                "checked here. Then choose “Done in the Portal”: the app keeps the request in its "
                                "journal and watches until the account is there."), subject);
    case SA_HAND_OFF_REQUEST_ACCESS:
      /* Translators: %s is the Account Domain Identifier */
      return g_strdup_printf (_("Cisco publishes no API that requests access to a Smart Account, so the app does "
                                "not send the request for %s: send it in Cisco Software Central with the values "
                                "below. Then choose “Done in the Portal”: the app keeps the request in its journal "
                                "and watches until the access is granted."), subject);
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
    case SA_HAND_OFF_LICENSE_TRANSFER:
    default:
      /* Translators: %s is the Sales Order No. */
      return g_strdup_printf (_("Cisco publishes no API that changes an order's Smart Account assignment, so the "
                                "app does not send the change of order %s: make it in Cisco Commerce Workspace "
                                "(CCW) with the values below, checked here. Then choose “Done in the Portal”: the "
                                "app keeps the change in its journal and watches the order until it has really "
                                "happened."), subject);
    }
}

/**
 * sa_hand_off_dialog_new:
 * @client: the session's client (a back end with
 *   %SA_CLIENT_FEATURE_PORTAL_HAND_OFF)
 * @hand_offs: (element-type SaHandOff): the prepared hand-offs (drafts) of
 *   one procedure and one subject: one per slot changed for an order
 *   (procedures 1 and 2, step 10), one for a request (3, step 5; 4, step 7)
 * @caller: the widget whose window the page is for; a failure to record is
 *   shown as a toast there
 *
 * Creates the "Complete in Cisco's Portal" page for the last step of a
 * procedure. Connect to #SaHandOffDialog::response, present it, and destroy
 * it once answered.
 *
 * Returns: (transfer none): the new page, owned by GTK's toplevel list
 */
SaHandOffDialog *
sa_hand_off_dialog_new (SaClient  *client,
                        GPtrArray *hand_offs,
                        GtkWidget *caller)
{
  SaHandOffDialog *self;
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *intro = NULL;
  GtkRoot *root;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (hand_offs != NULL && hand_offs->len > 0, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (caller), NULL);

  root = gtk_widget_get_root (caller);
  self = g_object_new (SA_TYPE_HAND_OFF_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->client = g_object_ref (client);
  self->hand_offs = g_ptr_array_ref (hand_offs);
  self->practice_uri = sa_hand_off_dup_practice_uri (client);
  g_set_weak_pointer (&self->caller, caller);

  intro = dup_intro (first_hand_off (self));
  gtk_label_set_text (self->intro_label, intro);
  gtk_button_set_label (self->portal_button, sa_hand_off_get_portal_name (first_hand_off (self)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->portal_button), sa_hand_off_get_portal_uri (first_hand_off (self)));
  gtk_widget_set_visible (self->practice_box, self->practice_uri != NULL);

  steps = sa_hand_off_steps_build (hand_offs);
  for (guint i = 0; i < steps->len; i++)
    {
      SaHandOffStep *step = g_ptr_array_index (steps, i);
      GtkWidget *row = sa_hand_off_step_row_new (step->step);

      if (step->instruction != NULL)
        sa_hand_off_step_row_set_instruction (SA_HAND_OFF_STEP_ROW (row), step->instruction);

      for (guint v = 0; v < step->values->len; v++)
        sa_hand_off_step_row_add_value (SA_HAND_OFF_STEP_ROW (row),
                                        g_ptr_array_index (step->labels, v),
                                        g_ptr_array_index (step->values, v));
      gtk_list_box_append (self->steps_list, row);
    }
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, 0));
  set_busy (self, FALSE);

  return self;
}

/**
 * sa_hand_off_dialog_set_launcher:
 * @func: (nullable): called with the portal's address instead of opening the
 *   browser, or %NULL to open it again
 * @user_data: data for @func
 *
 * For the tests: intercepts "Open CCW" / "Open Cisco Software Central".
 */
void
sa_hand_off_dialog_set_launcher (SaHandOffLaunchFunc func,
                                 gpointer            user_data)
{
  launcher = func;
  launcher_data = user_data;
}

/**
 * sa_hand_off_dialog_set_journal:
 * @journal: (nullable): the journal the pages record into (a test's own), or
 *   %NULL for the app's
 *
 * For the tests and the application: where "Done in the Portal" and "Not
 * Now" record.
 */
void
sa_hand_off_dialog_set_journal (SaJournal *journal)
{
  sa_hand_off_journal_set (journal);
}

/**
 * sa_hand_off_dialog_get_hand_offs:
 * @self: an #SaHandOffDialog
 *
 * Returns: (transfer none) (element-type SaHandOff): the prepared hand-offs
 */
GPtrArray *
sa_hand_off_dialog_get_hand_offs (SaHandOffDialog *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_DIALOG (self), NULL);

  return self->hand_offs;
}

/**
 * sa_hand_off_dialog_get_portal_uri:
 * @self: an #SaHandOffDialog
 *
 * Returns: (transfer none): the address the portal button opens
 */
const char *
sa_hand_off_dialog_get_portal_uri (SaHandOffDialog *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_DIALOG (self), NULL);

  return sa_hand_off_get_portal_uri (first_hand_off (self));
}

/**
 * sa_hand_off_dialog_get_busy:
 * @self: an #SaHandOffDialog
 *
 * Returns: %TRUE while the practice portal applies the change
 */
gboolean
sa_hand_off_dialog_get_busy (SaHandOffDialog *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_DIALOG (self), FALSE);

  return self->busy;
}
