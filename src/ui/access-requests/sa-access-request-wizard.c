/* sa-access-request-wizard.c — Request Access to an Existing Smart Account
 *
 * Mirrors steps 5 to 8 of "How to request access to an existing Smart
 * Account" (steps 1 to 4 — sign in, open the menu, Administration, the
 * command — are the app's sign-in and its primary menu item):
 *   5. check the profile, "Update your profile" if needed (SaProfileEditor);
 *   6. type the Account Domain Identifier and Submit; when several Smart
 *      Accounts share the domain, pick one in the list;
 *   7. type the Reason for request, then Send Request;
 *   8. the confirmation: the request went to the account's administrators,
 *      who approve or deny it; the user is told of their answer.
 * The form is a draft (sa_draft_*, SA_DRAFT_ACCESS_REQUEST) saved as it
 * changes, offered back when the wizard opens again, removed once sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-request-wizard.h"
#include "sa-procedure-panel.h"
#include "sa-profile-editor.h"
#include "sa-ui-util.h"

#define DRAFT_DELAY_MS 500

static const char * const page_names[] = { "profile", "domain", "reason", "sent" };

struct _SaAccessRequestWizard
{
  AdwWindow         parent_instance;

  SaClient         *client;
  GSettings        *settings;
  GCancellable     *cancellable;
  GCancellable     *lookup_cancellable;

  GListModel       *candidates;
  SaSmartAccount   *selected_account;
  char             *looked_up_domain;
  char             *preselect_id;
  SaAccessRequest  *sent_request;
  GVariant         *offered_draft;
  GtkCheckButton   *first_check;
  guint             draft_timeout_id;
  guint             looking_up : 1;
  guint             sending : 1;
  guint             sent : 1;
  guint             quiet : 1;

  AdwWindowTitle   *window_title;
  gboolean          loading_draft;  /* the saved draft is still being read */
  GtkWidget        *draft_note;
  GtkStack         *page_stack;
  SaProfileEditor  *profile_editor;
  GtkEntry         *domain_entry;
  GtkWidget        *submit_button;
  GtkWidget        *reason_label;
  GtkLabel         *domain_error_label;
  GtkStack         *lookup_stack;
  GtkSpinner       *lookup_spinner;
  GtkLabel         *none_label;
  GtkLabel         *found_label;
  GtkListBox       *candidates_list;
  GtkLabel         *account_summary_label;
  GtkTextView      *reason_view;
  GtkLabel         *reason_error_label;
  GtkLabel         *counter_label;
  GtkWidget        *send_error_note;
  GtkLabel         *send_error_label;
  GtkWidget        *duplicate_button;
  AdwStatusPage    *sent_page;
  GtkWidget        *show_requests_button;
  GtkButton        *back_button;
  GtkLabel         *step_label;
  GtkSpinner       *send_spinner;
  GtkButton        *next_button;
  GtkToggleButton  *procedure_button;
  GtkRevealer      *procedure_revealer;
  SaProcedurePanel *procedure_panel;
};

G_DEFINE_FINAL_TYPE (SaAccessRequestWizard, sa_access_request_wizard, ADW_TYPE_WINDOW)

enum {
  SENT,
  SHOW_ACCESS_REQUESTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_draft_save (SaAccessRequestWizard *self);

static guint
page_index (SaAccessRequestWizard *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;

  return 0;
}

static char *
dup_reason (SaAccessRequestWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reason_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
reason_is_valid (SaAccessRequestWizard *self)
{
  g_autofree char *reason = dup_reason (self);
  g_autofree char *stripped = g_strstrip (g_strdup (reason));

  return *stripped != '\0' && sa_validate_reason (reason, NULL);
}

static void
update_procedure (SaAccessRequestWizard *self)
{
  const char *step;
  const char *text;

  switch (page_index (self))
    {
    case 0:
      /* Translators: a step of the documented procedure "request access to an existing Smart Account" */
      step = _("Step 5 of 8");
      text = _("Look over the profile the portal holds for you: the administrators will see it with your request. "
               "When a detail is wrong or missing, choose “Update your profile”, fix it and save before going on.");
      break;
    case 1:
      step = _("Step 6 of 8");
      text = _("Enter the Account Domain Identifier of the Smart Account you need, then Submit. "
               "If more than one Smart Account uses that domain, a list appears: pick the one you mean.");
      break;
    case 2:
      step = _("Step 7 of 8");
      text = _("Say briefly why you need access — the administrators decide on that basis — then choose Send Request.");
      break;
    default:
      step = _("Step 8 of 8");
      text = _("The request now waits for the Smart Account’s administrators. You are told when they approve or deny it; "
               "until then you can follow it, and remind them, under Your Access Requests.");
      break;
    }

  sa_procedure_panel_set_step (self->procedure_panel, step, text);
}

static gboolean
can_go_next (SaAccessRequestWizard *self)
{
  switch (page_index (self))
    {
    case 0:
      return sa_profile_editor_get_profile (self->profile_editor) != NULL &&
             !sa_profile_editor_get_editing (self->profile_editor) &&
             !sa_profile_editor_get_busy (self->profile_editor);
    case 1:
      return self->selected_account != NULL && !self->looking_up;
    case 2:
      return self->selected_account != NULL && !self->sending && reason_is_valid (self);
    default:
      return TRUE;
    }
}

static void
update_buttons (SaAccessRequestWizard *self)
{
  guint index = page_index (self);
  g_autofree char *step = NULL;
  const char *title;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 index > 0 && index < 3 && !self->sending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", can_go_next (self));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), index < 3);

  if (index == 2)
    gtk_button_set_label (self->next_button, _("_Send Request"));
  else if (index == 3)
    gtk_button_set_label (self->next_button, _("_Done"));
  else
    gtk_button_set_label (self->next_button, _("_Next"));

  gtk_widget_set_visible (GTK_WIDGET (self->send_spinner), self->sending);
  gtk_spinner_set_spinning (self->send_spinner, self->sending);

  /* Translators: in the wizard's bottom bar: "Page 2 of 4" */
  step = g_strdup_printf (_("Page %1$u of %2$u"), index + 1, (guint) G_N_ELEMENTS (page_names));
  gtk_label_set_text (self->step_label, step);

  title = gtk_stack_page_get_title (gtk_stack_get_page (self->page_stack,
                                                        gtk_stack_get_visible_child (self->page_stack)));
  adw_window_title_set_subtitle (self->window_title, title);
}

static void
go_to_page (SaAccessRequestWizard *self,
            guint                  index)
{
  /* Move the focus off the page about to be hidden first. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  gtk_stack_set_visible_child_name (self->page_stack, page_names[index]);
  update_buttons (self);
  update_procedure (self);

  switch (index)
    {
    case 1:
      gtk_widget_grab_focus (GTK_WIDGET (self->domain_entry));
      break;
    case 2:
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_view));
      break;
    case 3:
      gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
      break;
    default:
      break;
    }
}

/* ---- Draft ---- */

static void
draft_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sa_draft_save_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Saving the access request draft failed: %s", error->message);
}

static void
draft_removed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sa_draft_remove_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Removing the access request draft failed: %s", error->message);
}

/* TRUE while the user has typed or chosen nothing. */
static gboolean
form_is_empty (SaAccessRequestWizard *self)
{
  g_autofree char *reason = dup_reason (self);
  const char *domain = gtk_editable_get_text (GTK_EDITABLE (self->domain_entry));

  return *domain == '\0' && *reason == '\0' && self->selected_account == NULL;
}

static void
save_draft_now (SaAccessRequestWizard *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autofree char *reason = dup_reason (self);
  const char *domain = gtk_editable_get_text (GTK_EDITABLE (self->domain_entry));

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);

  if (self->sent)
    return;

  if (*domain == '\0' && *reason == '\0' && self->selected_account == NULL)
    {
      /* Nothing typed: never drop a draft that is still being read or that
       * is offered back — only an emptied form replaces it. */
      if (self->loading_draft || self->offered_draft != NULL)
        return;
      sa_draft_remove_async (SA_DRAFT_ACCESS_REQUEST, NULL, draft_removed_cb, NULL);
      return;
    }

  g_variant_builder_add (&builder, "{sv}", "domain", g_variant_new_string (domain));
  g_variant_builder_add (&builder, "{sv}", "reason", g_variant_new_string (reason));
  if (self->selected_account != NULL && sa_smart_account_get_id (self->selected_account) != NULL)
    g_variant_builder_add (&builder, "{sv}", "account-id",
                           g_variant_new_string (sa_smart_account_get_id (self->selected_account)));
  g_variant_builder_add (&builder, "{sv}", "page", g_variant_new_string (page_names[MIN (page_index (self), 2)]));

  /* No cancellable: a save asked for while closing must still land. */
  sa_draft_save_async (SA_DRAFT_ACCESS_REQUEST, g_variant_builder_end (&builder), NULL, draft_saved_cb, NULL);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (user_data);

  self->draft_timeout_id = 0;
  save_draft_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_draft_save (SaAccessRequestWizard *self)
{
  if (self->quiet || self->sent)
    return;

  /* The user started afresh: the earlier draft is no longer offered. */
  if (self->offered_draft != NULL && !form_is_empty (self))
    {
      g_clear_pointer (&self->offered_draft, g_variant_unref);
      gtk_widget_set_visible (self->draft_note, FALSE);
    }

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->draft_timeout_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static gboolean
draft_is_empty (GVariant *draft)
{
  const char *domain = NULL;
  const char *reason = NULL;

  g_variant_lookup (draft, "domain", "&s", &domain);
  g_variant_lookup (draft, "reason", "&s", &reason);

  return (domain == NULL || *domain == '\0') && (reason == NULL || *reason == '\0');
}

static void
draft_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaAccessRequestWizard *self;
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = sa_draft_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUEST_WIZARD (user_data);
  self->loading_draft = FALSE;
  if (draft == NULL)
    {
      if (error != NULL)
        g_debug ("The access request draft could not be read: %s", error->message);
      return;
    }

  /* Offered only while the user has not started a new request. */
  if (draft_is_empty (draft) || !form_is_empty (self))
    return;

  self->offered_draft = g_steal_pointer (&draft);
  gtk_widget_set_visible (self->draft_note, TRUE);
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (widget);
  g_autoptr(GVariant) draft = g_steal_pointer (&self->offered_draft);
  const char *domain = "";
  const char *reason = "";
  const char *account_id = NULL;

  gtk_widget_set_visible (self->draft_note, FALSE);
  if (draft == NULL)
    return;

  g_variant_lookup (draft, "domain", "&s", &domain);
  g_variant_lookup (draft, "reason", "&s", &reason);
  g_variant_lookup (draft, "account-id", "&s", &account_id);

  self->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->domain_entry), domain);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), reason, -1);
  self->quiet = FALSE;

  g_free (self->preselect_id);
  self->preselect_id = g_strdup (account_id);
  if (sa_validate_domain (domain, NULL))
    sa_access_request_wizard_submit_domain (self);

  sa_ui_show_toast (GTK_WIDGET (self->page_stack), _("Earlier request restored"));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (widget);

  g_clear_pointer (&self->offered_draft, g_variant_unref);
  gtk_widget_set_visible (self->draft_note, FALSE);
  sa_draft_remove_async (SA_DRAFT_ACCESS_REQUEST, NULL, draft_removed_cb, NULL);
}

/* ---- Account Domain Identifier ---- */

static void
set_selected_account (SaAccessRequestWizard *self,
                      SaSmartAccount        *account)
{
  g_autofree char *summary = NULL;

  if (!g_set_object (&self->selected_account, account))
    return;

  if (account != NULL)
    /* Translators: on the Reason for request page: %1$s a Smart Account name, %2$s its domain */
    summary = g_strdup_printf (_("Smart Account: %1$s (%2$s)"),
                               sa_smart_account_get_name (account),
                               sa_smart_account_get_domain (account));
  gtk_label_set_text (self->account_summary_label, summary ? summary : "");

  update_buttons (self);
  schedule_draft_save (self);
}

static void
on_check_toggled (GtkCheckButton        *check,
                  SaAccessRequestWizard *self)
{
  if (gtk_check_button_get_active (check))
    set_selected_account (self, g_object_get_data (G_OBJECT (check), "sa-smart-account"));
}

static GtkWidget *
create_candidate_row (gpointer item,
                      gpointer user_data)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (user_data);
  SaSmartAccount *account = SA_SMART_ACCOUNT (item);
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *pill;
  g_autofree char *subtitle = NULL;

  /* Translators: a Smart Account in the chooser: "groupe-hexagone.example · Customer" */
  subtitle = g_strdup_printf (_("%1$s · %2$s"),
                              sa_smart_account_get_domain (account),
                              sa_account_type_get_label (sa_smart_account_get_account_type (account)));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sa_smart_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->first_check != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->first_check);
  else
    self->first_check = GTK_CHECK_BUTTON (check);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "sa-smart-account", g_object_ref (account), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  pill = gtk_label_new (NULL);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  sa_ui_set_account_status_pill (GTK_LABEL (pill), sa_smart_account_get_status (account));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);

  g_object_set_data (G_OBJECT (row), "sa-check", check);
  g_object_set_data_full (G_OBJECT (row), "sa-account-id",
                          g_strdup (sa_smart_account_get_id (account)), g_free);

  return row;
}

static void
clear_candidates (SaAccessRequestWizard *self)
{
  self->first_check = NULL;
  gtk_list_box_bind_model (self->candidates_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->candidates);
  g_clear_pointer (&self->looked_up_domain, g_free);
  set_selected_account (self, NULL);
}

/* Shows @candidates for @domain: none, one (selected), or several to choose. */
static void
show_candidates (SaAccessRequestWizard *self,
                 const char            *domain,
                 GListModel            *candidates,
                 gboolean               several_required)
{
  guint n = g_list_model_get_n_items (candidates);
  g_autofree char *preselect = g_steal_pointer (&self->preselect_id);

  clear_candidates (self);
  self->looked_up_domain = g_strdup (domain);

  if (n == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the domain the user typed */
      message = g_strdup_printf (_("No Smart Account has the domain “%s”. Check the spelling, or ask the "
                                   "customer which domain their Smart Account uses."), domain);
      gtk_label_set_text (self->none_label, message);
      gtk_stack_set_visible_child_name (self->lookup_stack, "none");
      gtk_widget_grab_focus (GTK_WIDGET (self->domain_entry));
      update_buttons (self);
      return;
    }

  self->candidates = g_object_ref (candidates);
  gtk_list_box_bind_model (self->candidates_list, candidates, create_candidate_row, self, NULL);

  if (n == 1)
    gtk_label_set_text (self->found_label, _("This Smart Account has the domain you entered:"));
  else if (several_required)
    gtk_label_set_text (self->found_label, _("The server needs to know which Smart Account you mean: several share "
                                             "this domain. Choose one, then send the request again."));
  else
    gtk_label_set_text (self->found_label, _("Several Smart Accounts share this domain. Choose the one you need access to:"));
  gtk_stack_set_visible_child_name (self->lookup_stack, "found");

  if (n == 1)
    {
      g_autoptr(SaSmartAccount) only = g_list_model_get_item (candidates, 0);

      sa_access_request_wizard_select_candidate (self, sa_smart_account_get_id (only));
    }
  else if (preselect != NULL)
    sa_access_request_wizard_select_candidate (self, preselect);

  update_buttons (self);
}

static void
set_domain_error (SaAccessRequestWizard *self,
                  const char            *message)
{
  gtk_label_set_text (self->domain_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->domain_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->domain_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->domain_entry), "error");
}

static void
find_candidates_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SaAccessRequestWizard *self;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GError) error = NULL;

  candidates = sa_client_find_access_candidates_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUEST_WIZARD (user_data);
  self->looking_up = FALSE;
  gtk_spinner_set_spinning (self->lookup_spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.submit-domain", TRUE);

  if (candidates == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Looking up the domain failed: %s", error->message);
      set_domain_error (self, message);
      gtk_stack_set_visible_child_name (self->lookup_stack, "initial");
      update_buttons (self);
      return;
    }

  show_candidates (self, g_object_get_data (G_OBJECT (self), "sa-lookup-domain"), candidates, FALSE);
}

/**
 * sa_access_request_wizard_submit_domain:
 * @self: a #SaAccessRequestWizard
 *
 * Submit (step 6): checks the Account Domain Identifier the user typed and
 * looks up the Smart Accounts having it (GET /v1/access-requests/candidates).
 * None: a message says so and the entry is kept. One: it is selected. Several:
 * a list with name, domain and status to choose from.
 */
void
sa_access_request_wizard_submit_domain (SaAccessRequestWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = NULL;

  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));

  domain = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->domain_entry))));
  if (!sa_validate_domain (domain, &error))
    {
      set_domain_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->domain_entry));
      return;
    }

  set_domain_error (self, NULL);
  {
    g_autofree char *keep = g_steal_pointer (&self->preselect_id);

    clear_candidates (self);
    self->preselect_id = g_steal_pointer (&keep);
  }

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  self->lookup_cancellable = g_cancellable_new ();

  self->looking_up = TRUE;
  g_object_set_data_full (G_OBJECT (self), "sa-lookup-domain", g_strdup (domain), g_free);
  gtk_stack_set_visible_child_name (self->lookup_stack, "loading");
  gtk_spinner_set_spinning (self->lookup_spinner, TRUE);
  update_buttons (self);

  sa_client_find_access_candidates_async (self->client, domain, self->lookup_cancellable,
                                          find_candidates_cb, self);
}

static void
on_domain_changed (GtkEditable           *editable,
                   SaAccessRequestWizard *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *domain = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gboolean valid = sa_validate_domain (domain, &error);

  /* Checked as typed; an empty entry is not an error yet. */
  set_domain_error (self, (*domain == '\0' || valid) ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.submit-domain", valid);

  if (self->looked_up_domain != NULL && g_ascii_strcasecmp (self->looked_up_domain, domain) != 0)
    {
      clear_candidates (self);
      gtk_stack_set_visible_child_name (self->lookup_stack, "initial");
    }

  update_buttons (self);
  schedule_draft_save (self);
}

static void
on_domain_activate (GtkEntry              *entry,
                    SaAccessRequestWizard *self)
{
  if (self->selected_account != NULL && self->looked_up_domain != NULL)
    sa_access_request_wizard_next (self);
  else
    sa_access_request_wizard_submit_domain (self);
}

/* ---- Reason for request ---- */

static void
on_reason_changed (GtkTextBuffer         *buffer,
                   SaAccessRequestWizard *self)
{
  g_autofree char *reason = dup_reason (self);
  g_autofree char *counter = NULL;
  g_autoptr(GError) error = NULL;
  glong length = g_utf8_strlen (reason, -1);

  /* Translators: the reason's length as typed, and its limit: "42 / 500" */
  counter = g_strdup_printf (_("%1$ld / %2$d"), length, SA_MAX_REASON_LENGTH);
  gtk_label_set_text (self->counter_label, counter);

  if (length > SA_MAX_REASON_LENGTH)
    gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");

  if (length > 0 && !sa_validate_reason (reason, &error))
    gtk_label_set_text (self->reason_error_label, error->message);
  else
    gtk_label_set_text (self->reason_error_label, "");

  gtk_widget_set_visible (self->send_error_note, FALSE);
  update_buttons (self);
  schedule_draft_save (self);
}

/* ---- Send Request ---- */

static void
show_send_error (SaAccessRequestWizard *self,
                 const char            *message,
                 gboolean               duplicate)
{
  gtk_label_set_text (self->send_error_label, message);
  gtk_widget_set_visible (self->duplicate_button, duplicate);
  gtk_widget_set_visible (self->send_error_note, TRUE);
}

static void
create_access_request_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SaAccessRequestWizard *self;
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  SaSmartAccount *account;

  request = sa_client_create_access_request_finish (SA_CLIENT (source), result, &candidates, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUEST_WIZARD (user_data);
  self->sending = FALSE;
  gtk_text_view_set_editable (self->reason_view, TRUE);

  if (request == NULL)
    {
      g_debug ("Sending the access request failed: %s", error->message);

      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED) && candidates != NULL)
        {
          g_autofree char *domain = g_strdup (self->looked_up_domain);

          show_candidates (self, domain, candidates, TRUE);
          go_to_page (self, 1);
          return;
        }

      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DUPLICATE_REQUEST))
        show_send_error (self,
                         _("You already have a pending request for this Smart Account. Its administrators have not "
                           "answered yet; you can send them a reminder from Your Access Requests."),
                         TRUE);
      else
        {
          g_autofree char *message = sa_error_dup_user_message (error);

          show_send_error (self, message, FALSE);
        }

      update_buttons (self);
      return;
    }

  self->sent = TRUE;
  self->sent_request = g_object_ref (request);
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  sa_draft_remove_async (SA_DRAFT_ACCESS_REQUEST, NULL, draft_removed_cb, NULL);

  account = sa_access_request_get_smart_account (request);
  if (account == NULL)
    account = self->selected_account;
  /* Translators: the confirmation; %1$s a Smart Account name, %2$s its domain */
  description = g_strdup_printf (_("Your request went to the administrators of the Smart Account “%1$s” (%2$s). "
                                   "They approve or deny it, and you are told of their answer. "
                                   "You can follow it under Your Access Requests."),
                                 account ? sa_smart_account_get_name (account) : "",
                                 account ? sa_smart_account_get_domain (account) : "");
  adw_status_page_set_description (self->sent_page, description);

  go_to_page (self, 3);
  g_signal_emit (self, signals[SENT], 0, request);
}

static void
send_request (SaAccessRequestWizard *self)
{
  g_autofree char *reason = dup_reason (self);

  if (self->sending || self->selected_account == NULL || !reason_is_valid (self))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->sending = TRUE;
  gtk_widget_set_visible (self->send_error_note, FALSE);
  gtk_text_view_set_editable (self->reason_view, FALSE);
  update_buttons (self);

  sa_client_create_access_request_async (self->client,
                                         self->looked_up_domain ? self->looked_up_domain
                                                                : sa_smart_account_get_domain (self->selected_account),
                                         sa_smart_account_get_id (self->selected_account),
                                         reason,
                                         self->cancellable,
                                         create_access_request_cb,
                                         self);
}

/* ---- Navigation and actions ---- */

/**
 * sa_access_request_wizard_next:
 * @self: a #SaAccessRequestWizard
 *
 * Next (or, on the Reason for request page, Send Request — step 7; on the
 * confirmation, Done). Does nothing while the current page is not complete.
 */
void
sa_access_request_wizard_next (SaAccessRequestWizard *self)
{
  guint index;

  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));

  if (!can_go_next (self))
    return;

  index = page_index (self);
  if (index == 2)
    send_request (self);
  else if (index == 3)
    gtk_window_close (GTK_WINDOW (self));
  else
    {
      go_to_page (self, index + 1);
      schedule_draft_save (self);
    }
}

/**
 * sa_access_request_wizard_back:
 * @self: a #SaAccessRequestWizard
 *
 * Back to the previous page; everything typed is kept.
 */
void
sa_access_request_wizard_back (SaAccessRequestWizard *self)
{
  guint index;

  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));

  index = page_index (self);
  if (index == 0 || index == 3 || self->sending)
    return;

  go_to_page (self, index - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sa_access_request_wizard_next (SA_ACCESS_REQUEST_WIZARD (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sa_access_request_wizard_back (SA_ACCESS_REQUEST_WIZARD (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
submit_domain_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  sa_access_request_wizard_submit_domain (SA_ACCESS_REQUEST_WIZARD (widget));
}

static void
show_requests_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (widget);

  g_object_ref (self);
  g_signal_emit (self, signals[SHOW_ACCESS_REQUESTS], 0);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
toggle_procedure_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (widget);

  g_settings_set_boolean (self->settings, "show-procedure-panel",
                          !g_settings_get_boolean (self->settings, "show-procedure-panel"));
}

static void
on_profile_changed (SaProfileEditor       *editor,
                    GParamSpec            *pspec,
                    SaAccessRequestWizard *self)
{
  update_buttons (self);
}

static gboolean
sa_access_request_wizard_close_request (GtkWindow *window)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (window);

  /* Write what was typed at once rather than after the delay. */
  if (self->draft_timeout_id != 0)
    save_draft_now (self);

  return GTK_WINDOW_CLASS (sa_access_request_wizard_parent_class)->close_request (window);
}

static void
sa_access_request_wizard_dispose (GObject *object)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (object);

  if (self->draft_timeout_id != 0 && self->reason_view != NULL)
    save_draft_now (self);
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->lookup_cancellable);

  if (self->candidates_list != NULL)
    gtk_list_box_bind_model (self->candidates_list, NULL, NULL, NULL, NULL);
  self->first_check = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCESS_REQUEST_WIZARD);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->candidates);
  g_clear_object (&self->selected_account);
  g_clear_object (&self->sent_request);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_pointer (&self->offered_draft, g_variant_unref);
  g_clear_pointer (&self->looked_up_domain, g_free);
  g_clear_pointer (&self->preselect_id, g_free);

  G_OBJECT_CLASS (sa_access_request_wizard_parent_class)->dispose (object);
}

static void
sa_access_request_wizard_class_init (SaAccessRequestWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sa_access_request_wizard_dispose;
  window_class->close_request = sa_access_request_wizard_close_request;

  /**
   * SaAccessRequestWizard::sent:
   * @self: the wizard
   * @request: (transfer none): the access request the server created
   *
   * Emitted once the request is sent (step 8); the wizard then shows its
   * confirmation.
   */
  signals[SENT] = g_signal_new ("sent",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, SA_TYPE_ACCESS_REQUEST);

  /**
   * SaAccessRequestWizard::show-access-requests:
   * @self: the wizard
   *
   * Emitted when the user asks to see Your Access Requests (after sending,
   * or when a request for the account is already pending); the wizard closes
   * right after.
   */
  signals[SHOW_ACCESS_REQUESTS] = g_signal_new ("show-access-requests",
                                                G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 0);

  g_type_ensure (SA_TYPE_PROCEDURE_PANEL);
  g_type_ensure (SA_TYPE_PROFILE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/access-requests/sa-access-request-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, draft_note);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, page_stack);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, profile_editor);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, domain_entry);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, submit_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, reason_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, domain_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, lookup_stack);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, lookup_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, none_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, found_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, candidates_list);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, account_summary_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, reason_view);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, reason_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, counter_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, send_error_note);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, send_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, sent_page);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, show_requests_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, step_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, send_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, procedure_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, procedure_revealer);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, procedure_panel);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "wizard.submit-domain", NULL, submit_domain_action);
  gtk_widget_class_install_action (widget_class, "wizard.show-requests", NULL, show_requests_action);
  gtk_widget_class_install_action (widget_class, "wizard.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "wizard.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_install_action (widget_class, "wizard.toggle-procedure", NULL, toggle_procedure_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "wizard.toggle-procedure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
}

static void
sa_access_request_wizard_init (SaAccessRequestWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->lookup_cancellable = g_cancellable_new ();
  g_signal_connect (self->domain_entry, "changed", G_CALLBACK (on_domain_changed), self);
  g_signal_connect (self->domain_entry, "activate", G_CALLBACK (on_domain_activate), self);
  g_signal_connect (gtk_text_view_get_buffer (self->reason_view), "changed",
                    G_CALLBACK (on_reason_changed), self);
  g_signal_connect (self->profile_editor, "notify::profile", G_CALLBACK (on_profile_changed), self);
  g_signal_connect (self->profile_editor, "notify::editing", G_CALLBACK (on_profile_changed), self);
  g_signal_connect (self->profile_editor, "notify::busy", G_CALLBACK (on_profile_changed), self);

  self->settings = g_settings_new (APPLICATION_ID_BASE);
  g_settings_bind (self->settings, "show-procedure-panel",
                   self->procedure_revealer, "reveal-child", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-procedure-panel",
                   self->procedure_button, "active", G_SETTINGS_BIND_DEFAULT);

  sa_procedure_panel_set_procedure (self->procedure_panel,
                                    _("Request Access to an Existing Smart Account"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.submit-domain", FALSE);
  self->quiet = TRUE;
  on_reason_changed (gtk_text_view_get_buffer (self->reason_view), self);
  self->quiet = FALSE;
  go_to_page (self, 0);
}

/**
 * sa_access_request_wizard_new:
 * @client: a signed-in #SaClient
 * @parent: (nullable): the window to be modal for
 * @domain: (nullable): an Account Domain Identifier to prefill (when the
 *   "Request a Smart Account" wizard finds the domain taken), or %NULL
 *
 * Creates the "Request Access to an Existing Smart Account" wizard (step 4
 * of the procedure opens it), loads the profile, and offers back the draft
 * of an earlier, unsent request (unless @domain is given). Show it with
 * gtk_window_present().
 *
 * Returns: (transfer none): the new wizard, owned by GTK's toplevel list
 */
SaAccessRequestWizard *
sa_access_request_wizard_new (SaClient   *client,
                              GtkWindow  *parent,
                              const char *domain)
{
  SaAccessRequestWizard *self;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SA_TYPE_ACCESS_REQUEST_WIZARD,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  sa_profile_editor_set_client (self->profile_editor, client);

  if (domain != NULL && *domain != '\0')
    sa_access_request_wizard_set_domain (self, domain);
  else
    {
      self->loading_draft = TRUE;
      sa_draft_load_async (SA_DRAFT_ACCESS_REQUEST, self->cancellable, draft_loaded_cb, self);
    }

  return self;
}

/**
 * sa_access_request_wizard_get_page:
 * @self: a #SaAccessRequestWizard
 *
 * Returns: the page shown: "profile", "domain", "reason" or "sent"
 */
const char *
sa_access_request_wizard_get_page (SaAccessRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), NULL);

  return page_names[page_index (self)];
}

/**
 * sa_access_request_wizard_get_profile_editor:
 * @self: a #SaAccessRequestWizard
 *
 * Returns: (transfer none): the profile editor of the first page (step 5)
 */
SaProfileEditor *
sa_access_request_wizard_get_profile_editor (SaAccessRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), NULL);

  return self->profile_editor;
}

/**
 * sa_access_request_wizard_can_go_next:
 * @self: a #SaAccessRequestWizard
 *
 * Returns: %TRUE when Next (Send Request on the reason page) is enabled
 */
gboolean
sa_access_request_wizard_can_go_next (SaAccessRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), FALSE);

  return can_go_next (self);
}

/**
 * sa_access_request_wizard_set_domain:
 * @self: a #SaAccessRequestWizard
 * @domain: an Account Domain Identifier
 *
 * Types @domain in the Account Domain Identifier entry (step 6) as the user
 * would; the lookup waits for Submit.
 */
void
sa_access_request_wizard_set_domain (SaAccessRequestWizard *self,
                                     const char            *domain)
{
  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));
  g_return_if_fail (domain != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->domain_entry), domain);
}

/**
 * sa_access_request_wizard_get_busy:
 * @self: a #SaAccessRequestWizard
 *
 * Returns: %TRUE while the profile loads or saves, the domain is looked up,
 *   or the request is being sent
 */
gboolean
sa_access_request_wizard_get_busy (SaAccessRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), FALSE);

  return self->looking_up || self->sending || sa_profile_editor_get_busy (self->profile_editor);
}

/**
 * sa_access_request_wizard_get_candidates:
 * @self: a #SaAccessRequestWizard
 *
 * Returns: (transfer none) (nullable): the Smart Accounts having the domain
 *   last looked up (step 6), or %NULL before a lookup or when none has it
 */
GListModel *
sa_access_request_wizard_get_candidates (SaAccessRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), NULL);

  return self->candidates;
}

/**
 * sa_access_request_wizard_select_candidate:
 * @self: a #SaAccessRequestWizard
 * @account_id: the id of one of the candidates
 *
 * Picks a Smart Account in the list of those sharing the domain (the note
 * of step 6), as the user does by clicking its row.
 *
 * Returns: %TRUE when the list holds @account_id
 */
gboolean
sa_access_request_wizard_select_candidate (SaAccessRequestWizard *self,
                                           const char            *account_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), FALSE);
  g_return_val_if_fail (account_id != NULL, FALSE);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->candidates_list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "sa-account-id"), account_id) == 0)
      {
        gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "sa-check"), TRUE);
        return TRUE;
      }

  return FALSE;
}

/**
 * sa_access_request_wizard_get_selected_account:
 * @self: a #SaAccessRequestWizard
 *
 * Returns: (transfer none) (nullable): the Smart Account access is requested to
 */
SaSmartAccount *
sa_access_request_wizard_get_selected_account (SaAccessRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), NULL);

  return self->selected_account;
}

/**
 * sa_access_request_wizard_set_reason:
 * @self: a #SaAccessRequestWizard
 * @reason: the Reason for request (step 7)
 *
 * Replaces the text of the Reason for request, as typing would.
 */
void
sa_access_request_wizard_set_reason (SaAccessRequestWizard *self,
                                     const char            *reason)
{
  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));
  g_return_if_fail (reason != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), reason, -1);
}

/**
 * sa_access_request_wizard_get_sent_request:
 * @self: a #SaAccessRequestWizard
 *
 * Returns: (transfer none) (nullable): the request, once sent
 */
SaAccessRequest *
sa_access_request_wizard_get_sent_request (SaAccessRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), NULL);

  return self->sent_request;
}

/**
 * sa_access_request_wizard_get_draft_offered:
 * @self: a #SaAccessRequestWizard
 *
 * Returns: %TRUE while an earlier, unsent request is offered back
 */
gboolean
sa_access_request_wizard_get_draft_offered (SaAccessRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self), FALSE);

  return self->offered_draft != NULL;
}
