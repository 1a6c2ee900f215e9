/* sa-access-request-domain.c — the "domain" page of "Request Access to an
 * Existing Smart Account": the Account Domain Identifier (step 6)
 *
 * The user types the Account Domain Identifier and submits it; the Smart
 * Accounts having it are looked up (GET /v1/access-requests/candidates).
 * None: a message says so and the entry is kept. One: it is selected.
 * Several (the note of step 6): a list with name, domain, type and status
 * (SaSmartAccountRow), one to pick with its radio button. Once one is
 * picked, a note under the list warns when the user can already reach it,
 * or already asked for it and the request is pending (issue 11: said before
 * the reason is typed; the server would refuse the second request).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-request-wizard-private.h"
#include "sa-smart-account-row.h"
#include "sa-ui-util.h"

/* ---- What the user already has: the warning under the list ---- */

static gboolean
same_account (SaSmartAccount *a,
              SaSmartAccount *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (sa_smart_account_get_id (a) != NULL && sa_smart_account_get_id (b) != NULL)
    return g_strcmp0 (sa_smart_account_get_id (a), sa_smart_account_get_id (b)) == 0;

  return g_strcmp0 (sa_smart_account_get_domain (a), sa_smart_account_get_domain (b)) == 0 &&
         g_strcmp0 (sa_smart_account_get_name (a), sa_smart_account_get_name (b)) == 0;
}

/* Why a new request for @account is not needed, or NULL. */
static char *
dup_known_warning (SaAccessRequestWizard *self,
                   SaSmartAccount        *account)
{
  const char *name;

  if (account == NULL)
    return NULL;
  name = sa_smart_account_get_name (account);

  for (guint i = 0; self->my_accounts != NULL && i < g_list_model_get_n_items (self->my_accounts); i++)
    {
      g_autoptr(SaAccountAccess) access = g_list_model_get_item (self->my_accounts, i);

      if (same_account (sa_account_access_get_account (access), account))
        /* Translators: %s is a Smart Account's name */
        return g_strdup_printf (_("You can already reach “%s”: it is among your Smart Accounts, so no new "
                                  "request is needed."), name);
    }

  for (guint i = 0; self->my_requests != NULL && i < g_list_model_get_n_items (self->my_requests); i++)
    {
      g_autoptr(SaAccessRequest) request = g_list_model_get_item (self->my_requests, i);
      g_autofree char *when = NULL;

      if (!same_account (sa_access_request_get_smart_account (request), account))
        continue;

      switch (sa_access_request_get_status (request))
        {
        case SA_ACCESS_REQUEST_STATUS_PENDING:
          when = sa_ui_format_date (sa_access_request_get_created_date (request));
          /* Translators: %1$s is a Smart Account's name, %2$s the date of the earlier request */
          return g_strdup_printf (_("You already asked for access to “%1$s” on %2$s, and the administrators "
                                    "have not answered yet. A second request would be refused: remind them "
                                    "from Your Access Requests instead."), name, when);
        case SA_ACCESS_REQUEST_STATUS_APPROVED:
          when = sa_ui_format_date (sa_access_request_get_decided_date (request));
          /* Translators: %1$s is a Smart Account's name, %2$s the date of the approval */
          return g_strdup_printf (_("Your access to “%1$s” was approved on %2$s: you can already use this "
                                    "Smart Account, so no new request is needed."), name, when);
        case SA_ACCESS_REQUEST_STATUS_DENIED:
        default:
          break;
        }
    }

  return NULL;
}

static void
update_known_note (SaAccessRequestWizard *self)
{
  g_autofree char *warning = dup_known_warning (self, self->selected_account);

  gtk_label_set_text (self->domain.known_label, warning ? warning : "");
  gtk_widget_set_visible (self->domain.known_note, warning != NULL);
}

/**
 * sa_access_domain_get_known_warning:
 * @self: the wizard
 *
 * Returns: (nullable): the warning shown under the list when the Smart
 *   Account chosen is already reachable or already asked for, else %NULL
 */
const char *
sa_access_domain_get_known_warning (SaAccessRequestWizard *self)
{
  if (!gtk_widget_get_visible (self->domain.known_note))
    return NULL;

  return gtk_label_get_text (self->domain.known_label);
}

static void
list_requests_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaAccessRequestWizard *self;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GError) error = NULL;

  requests = sa_client_list_access_requests_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUEST_WIZARD (user_data);
  if (requests == NULL)
    {
      /* Only a warning is lost: the server still refuses a duplicate. */
      g_debug ("Listing the access requests failed: %s", error->message);
      return;
    }

  g_set_object (&self->my_requests, requests);
  update_known_note (self);
}

static void
list_my_accounts_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaAccessRequestWizard *self;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = sa_client_list_my_accounts_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUEST_WIZARD (user_data);
  if (accounts == NULL)
    {
      g_debug ("Listing the user's Smart Accounts failed: %s", error->message);
      return;
    }

  g_set_object (&self->my_accounts, accounts);
  update_known_note (self);
}

/**
 * sa_access_domain_load_known:
 * @self: the wizard, its client set
 *
 * Fetches what the user already has (their access requests, and their
 * Smart Accounts when the back end lists them), for the warning under the
 * list of step 6. Called when the wizard opens and at each lookup.
 */
void
sa_access_domain_load_known (SaAccessRequestWizard *self)
{
  if (self->client == NULL)
    return;

  sa_client_list_access_requests_async (self->client, self->cancellable, list_requests_cb, self);
  if ((sa_client_get_features (self->client) & SA_CLIENT_FEATURE_MY_ACCOUNTS) != 0)
    sa_client_list_my_accounts_async (self->client, self->cancellable, list_my_accounts_cb, self);
}

/* ---- The candidates ---- */

static void
set_selected_account (SaAccessRequestWizard *self,
                      SaSmartAccount        *account)
{
  if (!g_set_object (&self->selected_account, account))
    return;

  update_known_note (self);
  sa_access_reason_update_summary (self);
  sa_access_request_wizard_changed (self);
}

static void
on_check_toggled (GtkCheckButton        *check,
                  SaAccessRequestWizard *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), SA_TYPE_SMART_ACCOUNT_ROW);

  if (gtk_check_button_get_active (check) && row != NULL)
    set_selected_account (self, sa_smart_account_row_get_account (SA_SMART_ACCOUNT_ROW (row)));
}

/* The list-item factory of the candidates: the shared Smart Account row
 * with a radio button in front. */
static GtkWidget *
create_candidate_row (gpointer item,
                      gpointer user_data)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (user_data);
  GtkWidget *row = sa_smart_account_row_new (SA_SMART_ACCOUNT (item));
  GtkWidget *check = gtk_check_button_new ();

  sa_smart_account_row_set_show_email (SA_SMART_ACCOUNT_ROW (row), FALSE);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->first_check != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->first_check);
  else
    self->first_check = GTK_CHECK_BUTTON (check);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
clear_candidates (SaAccessRequestWizard *self)
{
  self->first_check = NULL;
  gtk_list_box_bind_model (self->domain.candidates_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->candidates);
  g_clear_pointer (&self->looked_up_domain, g_free);
  set_selected_account (self, NULL);
}

/* After a restored draft's lookup: the page the user left, when it can be
 * reached now. */
static void
show_restored_page (SaAccessRequestWizard *self)
{
  g_autofree char *page = g_steal_pointer (&self->restore_page);

  if (g_strcmp0 (page, "reason") == 0 && self->selected_account != NULL)
    sa_wizard_show_page (SA_WIZARD (self), "reason", NULL);
}

/**
 * sa_access_domain_show_candidates:
 * @self: the wizard
 * @domain: the Account Domain Identifier looked up
 * @candidates: the Smart Accounts having it (#SaSmartAccount items)
 * @several_required: %TRUE when the server refused the request because
 *   several Smart Accounts share @domain and none was chosen
 *
 * Shows @candidates: none, one (selected), or several to choose from (the
 * one chosen in a restored draft selected).
 */
void
sa_access_domain_show_candidates (SaAccessRequestWizard *self,
                                  const char            *domain,
                                  GListModel            *candidates,
                                  gboolean               several_required)
{
  guint n = g_list_model_get_n_items (candidates);
  g_autofree char *preselect = g_steal_pointer (&self->preselect_id);
  g_autofree char *looked_up = g_strdup (domain);

  clear_candidates (self);
  self->looked_up_domain = g_steal_pointer (&looked_up);

  if (n == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the domain the user typed */
      message = g_strdup_printf (_("No Smart Account has the domain “%s”. Check the spelling, or ask the "
                                   "customer which domain their Smart Account uses."), domain);
      gtk_label_set_text (self->domain.none_label, message);
      gtk_stack_set_visible_child_name (self->domain.lookup_stack, "none");
      g_clear_pointer (&self->restore_page, g_free);
      gtk_widget_grab_focus (GTK_WIDGET (self->domain.domain_entry));
      sa_wizard_update_navigation (SA_WIZARD (self));
      return;
    }

  self->candidates = g_object_ref (candidates);
  gtk_list_box_bind_model (self->domain.candidates_list, candidates, create_candidate_row, self, NULL);

  if (n == 1)
    gtk_label_set_text (self->domain.found_label, _("This Smart Account has the domain you entered:"));
  else if (several_required)
    gtk_label_set_text (self->domain.found_label, _("The server needs to know which Smart Account you mean: several share "
                                                    "this domain. Choose one, then send the request again."));
  else
    gtk_label_set_text (self->domain.found_label, _("Several Smart Accounts share this domain. Choose the one you need access to:"));
  gtk_stack_set_visible_child_name (self->domain.lookup_stack, "found");

  if (n == 1)
    {
      g_autoptr(SaSmartAccount) only = g_list_model_get_item (candidates, 0);

      sa_access_request_wizard_select_candidate (self, sa_smart_account_get_id (only));
    }
  else if (preselect != NULL)
    sa_access_request_wizard_select_candidate (self, preselect);

  sa_wizard_update_navigation (SA_WIZARD (self));
  show_restored_page (self);
}

static void
set_domain_error (SaAccessRequestWizard *self,
                  const char            *message)
{
  gtk_label_set_text (self->domain.domain_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->domain.domain_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->domain.domain_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->domain.domain_entry), "error");
}

static void
set_looking_up (SaAccessRequestWizard *self,
                gboolean               looking_up)
{
  self->looking_up = looking_up;
  gtk_spinner_set_spinning (self->domain.lookup_spinner, looking_up);
  sa_wizard_update_navigation (SA_WIZARD (self));
}

static void
find_candidates_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SaAccessRequestWizard *self;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = NULL;

  candidates = sa_client_find_access_candidates_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUEST_WIZARD (user_data);
  domain = g_steal_pointer (&self->lookup_domain);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.submit-domain", TRUE);

  if (candidates == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Looking up the domain failed: %s", error->message);
      set_domain_error (self, message);
      gtk_stack_set_visible_child_name (self->domain.lookup_stack, "initial");
      g_clear_pointer (&self->restore_page, g_free);
      set_looking_up (self, FALSE);
      return;
    }

  sa_access_domain_show_candidates (self, domain, candidates, FALSE);
  set_looking_up (self, FALSE);
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
  g_autofree char *keep = NULL;

  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));

  domain = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->domain.domain_entry))));
  if (!sa_validate_domain (domain, &error))
    {
      set_domain_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->domain.domain_entry));
      return;
    }

  set_domain_error (self, NULL);
  keep = g_steal_pointer (&self->preselect_id);
  clear_candidates (self);
  self->preselect_id = g_steal_pointer (&keep);

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  self->lookup_cancellable = g_cancellable_new ();

  g_free (self->lookup_domain);
  self->lookup_domain = g_strdup (domain);
  gtk_stack_set_visible_child_name (self->domain.lookup_stack, "loading");
  set_looking_up (self, TRUE);
  sa_access_domain_load_known (self);

  sa_client_find_access_candidates_async (self->client, domain, self->lookup_cancellable,
                                          find_candidates_cb, self);
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

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->domain.candidates_list, i)) != NULL; i++)
    {
      SaSmartAccount *account = sa_smart_account_row_get_account (SA_SMART_ACCOUNT_ROW (row));

      if (account != NULL && g_strcmp0 (sa_smart_account_get_id (account), account_id) == 0)
        {
          GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          return TRUE;
        }
    }

  return FALSE;
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

static void
on_domain_changed (GtkEditable           *editable,
                   SaAccessRequestWizard *self)
{
  g_autofree char *domain = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autoptr(GError) error = NULL;
  gboolean valid = sa_validate_domain (domain, &error);

  /* Checked as typed; an empty entry is not an error yet. */
  set_domain_error (self, (*domain == '\0' || valid) ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.submit-domain", valid);

  if (self->looked_up_domain != NULL && g_ascii_strcasecmp (self->looked_up_domain, domain) != 0)
    {
      clear_candidates (self);
      gtk_stack_set_visible_child_name (self->domain.lookup_stack, "initial");
    }

  sa_access_request_wizard_changed (self);
}

static void
on_domain_activate (GtkEntry              *entry,
                    SaAccessRequestWizard *self)
{
  if (self->selected_account != NULL && self->looked_up_domain != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
  else
    sa_access_request_wizard_submit_domain (self);
}

static void
submit_domain_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  sa_access_request_wizard_submit_domain (SA_ACCESS_REQUEST_WIZARD (widget));
}

/**
 * sa_access_domain_class_init:
 * @widget_class: the wizard's class
 *
 * Binds the page's template children and installs "wizard.submit-domain".
 */
void
sa_access_domain_class_init (GtkWidgetClass *widget_class)
{
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "domain_entry", domain.domain_entry);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "submit_button", domain.submit_button);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "domain_error_label", domain.domain_error_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "portal_profile_label", domain.portal_profile_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "lookup_stack", domain.lookup_stack);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "lookup_spinner", domain.lookup_spinner);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "none_label", domain.none_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "found_label", domain.found_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "candidates_list", domain.candidates_list);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "known_note", domain.known_note);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "known_label", domain.known_label);

  gtk_widget_class_install_action (widget_class, "wizard.submit-domain", NULL, submit_domain_action);
}

/**
 * sa_access_domain_init:
 * @self: the wizard, its template built
 *
 * Follows the Account Domain Identifier as it is typed.
 */
void
sa_access_domain_init (SaAccessRequestWizard *self)
{
  self->lookup_cancellable = g_cancellable_new ();
  g_signal_connect (self->domain.domain_entry, "changed", G_CALLBACK (on_domain_changed), self);
  g_signal_connect (self->domain.domain_entry, "activate", G_CALLBACK (on_domain_activate), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.submit-domain", FALSE);
}

/**
 * sa_access_domain_dispose:
 * @self: the wizard
 *
 * Stops a lookup under way and lets go of the candidates.
 */
void
sa_access_domain_dispose (SaAccessRequestWizard *self)
{
  g_cancellable_cancel (self->lookup_cancellable);
  if (self->domain.candidates_list != NULL)
    gtk_list_box_bind_model (self->domain.candidates_list, NULL, NULL, NULL, NULL);
  self->first_check = NULL;

  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->candidates);
  g_clear_object (&self->selected_account);
  g_clear_object (&self->my_requests);
  g_clear_object (&self->my_accounts);
  g_clear_pointer (&self->lookup_domain, g_free);
  g_clear_pointer (&self->looked_up_domain, g_free);
  g_clear_pointer (&self->preselect_id, g_free);
  g_clear_pointer (&self->restore_page, g_free);
}
