/* sa-access-request-wizard.c — Request Access to an Existing Smart Account
 *
 * Mirrors steps 5 to 8 of "How to request access to an existing Smart
 * Account" (steps 1 to 4 — sign in, open the menu, Administration, the
 * command — are the app's sign-in and its primary menu item):
 *   5. check the profile, "Update your profile" if needed (SaProfileEditor;
 *      with Cisco, in Cisco's portal: the wizard starts at step 6);
 *   6. type the Account Domain Identifier and Submit; when several Smart
 *      Accounts share the domain, pick one in the list;
 *   7. type the Reason for request, then Send Request;
 *   8. the confirmation: the request went to the account's administrators,
 *      who approve or deny it; the user is told of their answer.
 *
 * The wizard is an SaWizard (common/sa-wizard.h): this file is its use of
 * the shell — the class, the pages' completeness, the draft — and the
 * profile page; the other pages have their files (see
 * sa-access-request-wizard-private.h). The form is a draft saved as it
 * changes, offered back when the wizard opens again, removed once sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-request-wizard-private.h"
#include "sa-profile-editor.h"
#include "sa-ui-util.h"
#include "sa-wizard-draft.h"

G_DEFINE_FINAL_TYPE (SaAccessRequestWizard, sa_access_request_wizard, SA_TYPE_WIZARD)

enum {
  SENT,
  SHOW_ACCESS_REQUESTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * sa_access_request_wizard_changed:
 * @self: the wizard
 *
 * Something in the form changed: the navigation follows, and the draft is
 * saved (unless the wizard is filling the form itself).
 */
void
sa_access_request_wizard_changed (SaAccessRequestWizard *self)
{
  if (self->quiet)
    sa_wizard_update_navigation (SA_WIZARD (self));
  else
    sa_wizard_form_changed (SA_WIZARD (self));
}

/* ---- The shell's questions ---- */

static gboolean
sa_access_request_wizard_page_complete (SaWizard   *wizard,
                                        const char *page)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (wizard);

  if (g_strcmp0 (page, "profile") == 0)
    return sa_profile_editor_get_profile (self->profile_editor) != NULL &&
           !sa_profile_editor_get_editing (self->profile_editor) &&
           !sa_profile_editor_get_busy (self->profile_editor);
  if (g_strcmp0 (page, "domain") == 0)
    return self->selected_account != NULL && !self->looking_up;
  if (g_strcmp0 (page, "reason") == 0)
    return self->selected_account != NULL && !self->sending && !self->sent &&
           sa_access_reason_is_valid (self);

  return FALSE;
}

static void
sa_access_request_wizard_send (SaWizard *wizard)
{
  sa_access_reason_send (SA_ACCESS_REQUEST_WIZARD (wizard));
}

static void
sa_access_request_wizard_page_shown (SaWizard   *wizard,
                                     const char *page)
{
  SaProcedureStep step = SA_PROCEDURE_STEP_REQUEST_ACCESS_SENT;

  if (g_strcmp0 (page, "profile") == 0)
    step = SA_PROCEDURE_STEP_REQUEST_ACCESS_PROFILE;
  else if (g_strcmp0 (page, "domain") == 0)
    step = SA_PROCEDURE_STEP_REQUEST_ACCESS_DOMAIN;
  else if (g_strcmp0 (page, "reason") == 0)
    step = SA_PROCEDURE_STEP_REQUEST_ACCESS_REASON;

  sa_wizard_show_procedure_step (wizard, step);
}

static void
on_profile_changed (SaProfileEditor       *editor,
                    GParamSpec            *pspec,
                    SaAccessRequestWizard *self)
{
  sa_wizard_update_navigation (SA_WIZARD (self));
}

/* ---- The draft ---- */

static gboolean
sa_access_request_wizard_save_draft (SaWizard     *wizard,
                                     GVariantDict *draft)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (wizard);
  g_autofree char *reason = sa_access_reason_dup_text (self);
  const char *domain = gtk_editable_get_text (GTK_EDITABLE (self->domain.domain_entry));

  if (*domain == '\0' && *reason == '\0' && self->selected_account == NULL)
    return FALSE;

  g_variant_dict_insert (draft, "domain", "s", domain);
  g_variant_dict_insert (draft, "reason", "s", reason);
  if (self->selected_account != NULL && sa_smart_account_get_id (self->selected_account) != NULL)
    g_variant_dict_insert (draft, "account-id", "s", sa_smart_account_get_id (self->selected_account));

  return TRUE;
}

static void
sa_access_request_wizard_restore_draft (SaWizard   *wizard,
                                        GVariant   *draft,
                                        const char *page)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (wizard);
  const char *domain = sa_wizard_draft_lookup_string (draft, "domain");
  const char *account_id = sa_wizard_draft_lookup_string (draft, "account-id");

  self->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->domain.domain_entry), domain);
  sa_access_request_wizard_set_reason (self, sa_wizard_draft_lookup_string (draft, "reason"));
  self->quiet = FALSE;

  /* The Smart Account chosen is looked up again; the reason page, left
   * before the lookup is back, gives way to the domain page if it finds
   * nothing to select. */
  g_clear_pointer (&self->restore_page, g_free);
  g_free (self->preselect_id);
  self->preselect_id = *account_id != '\0' ? g_strdup (account_id) : NULL;
  if (sa_validate_domain (domain, NULL))
    {
      if (g_strcmp0 (page, "reason") == 0)
        self->restore_page = g_strdup (page);
      sa_access_request_wizard_submit_domain (self);
    }
  else if (g_strcmp0 (page, "reason") == 0)
    page = "domain";

  if (g_strcmp0 (page, "domain") != 0 && g_strcmp0 (page, "reason") != 0)
    page = self->hand_off ? "domain" : "profile";

  sa_wizard_show_page (wizard, page, NULL);
}

static char *
sa_access_request_wizard_describe_draft (SaWizard *wizard,
                                         GVariant *draft)
{
  const char *domain = sa_wizard_draft_lookup_string (draft, "domain");

  if (*domain != '\0')
    /* Translators: the banner offering back an unsent access request; %s is its Account Domain Identifier */
    return g_strdup_printf (_("You started an access request for “%s” earlier and did not send it. "
                              "Restore it to go on where you left off, or discard it."),
                            domain);

  return g_strdup (_("You started an access request earlier and did not send it. "
                     "Restore it to go on where you left off, or discard it."));
}

/* ---- GObject ---- */

static void
sa_access_request_wizard_dispose (GObject *object)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  sa_access_domain_dispose (self);
  if (self->profile_editor != NULL)
    g_signal_handlers_disconnect_by_data (self->profile_editor, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCESS_REQUEST_WIZARD);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->sent_request);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_access_request_wizard_parent_class)->dispose (object);
}

static void
sa_access_request_wizard_class_init (SaAccessRequestWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SaWizardClass *wizard_class = SA_WIZARD_CLASS (klass);

  object_class->dispose = sa_access_request_wizard_dispose;

  wizard_class->page_complete = sa_access_request_wizard_page_complete;
  wizard_class->send = sa_access_request_wizard_send;
  wizard_class->page_shown = sa_access_request_wizard_page_shown;
  wizard_class->save_draft = sa_access_request_wizard_save_draft;
  wizard_class->restore_draft = sa_access_request_wizard_restore_draft;
  wizard_class->describe_draft = sa_access_request_wizard_describe_draft;
  sa_wizard_class_set_draft_name (wizard_class, SA_DRAFT_ACCESS_REQUEST);

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

  g_type_ensure (SA_TYPE_PROFILE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/access-requests/sa-access-request-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestWizard, profile_editor);
  sa_access_domain_class_init (widget_class);
  sa_access_reason_class_init (widget_class);
}

static void
sa_access_request_wizard_init (SaAccessRequestWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->profile_editor, "notify::profile", G_CALLBACK (on_profile_changed), self);
  g_signal_connect (self->profile_editor, "notify::editing", G_CALLBACK (on_profile_changed), self);
  g_signal_connect (self->profile_editor, "notify::busy", G_CALLBACK (on_profile_changed), self);
  sa_access_domain_init (self);
  sa_access_reason_init (self);

  sa_wizard_show_page (SA_WIZARD (self), "profile", NULL);
}

/* Cisco reads no profile (get_profile is not supported): the profile is
 * checked in Cisco's portal (step 5 there, on the hand-off page), so the
 * wizard starts at the domain page, which says so in one line. The page is
 * taken out of the stack so that Back, "Step x of y" and the draft count
 * without it; the editor stays a template child of the wizard. */
static void
use_portal_hand_off (SaAccessRequestWizard *self)
{
  GtkWidget *page = GTK_WIDGET (self->profile_editor);
  GtkWidget *parent;

  self->hand_off = TRUE;
  while ((parent = gtk_widget_get_parent (page)) != NULL && !GTK_IS_STACK (parent))
    page = parent;
  g_return_if_fail (parent != NULL);

  sa_wizard_show_page (SA_WIZARD (self), "domain", NULL);
  gtk_stack_remove (GTK_STACK (parent), page);
  gtk_widget_set_visible (self->domain.portal_profile_label, TRUE);
  sa_wizard_update_navigation (SA_WIZARD (self));
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
 * of an earlier, unsent request (unless @domain is given). With a client
 * having %SA_CLIENT_FEATURE_PORTAL_HAND_OFF (Cisco) the wizard starts at
 * step 6, the profile being checked in Cisco's portal, and Send Request
 * opens "Complete in Cisco's Portal". Show it with gtk_window_present().
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
  if ((sa_client_get_features (client) & SA_CLIENT_FEATURE_PORTAL_HAND_OFF) != 0)
    use_portal_hand_off (self);
  else
    sa_profile_editor_set_client (self->profile_editor, client);

  sa_access_domain_load_known (self);
  if (domain != NULL && *domain != '\0')
    sa_access_request_wizard_set_domain (self, domain);
  else
    sa_wizard_load_draft (SA_WIZARD (self));

  return self;
}

/**
 * sa_access_request_wizard_fill:
 * @self: a #SaAccessRequestWizard
 * @request: an earlier request (a denied one, for "Request Again")
 *
 * Fills the form with @request: its Smart Account's Account Domain
 * Identifier, looked up at once with that Smart Account chosen (step 6), and
 * its Reason for request (step 7). The user still checks the profile
 * (step 5) and goes through each page.
 */
void
sa_access_request_wizard_fill (SaAccessRequestWizard *self,
                               SaAccessRequest       *request)
{
  SaSmartAccount *account;

  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));
  g_return_if_fail (SA_IS_ACCESS_REQUEST (request));

  account = sa_access_request_get_smart_account (request);
  if (sa_access_request_get_reason (request) != NULL)
    sa_access_request_wizard_set_reason (self, sa_access_request_get_reason (request));
  if (account == NULL || sa_smart_account_get_domain (account) == NULL)
    return;

  sa_access_request_wizard_set_domain (self, sa_smart_account_get_domain (account));
  g_free (self->preselect_id);
  self->preselect_id = g_strdup (sa_smart_account_get_id (account));
  sa_access_request_wizard_submit_domain (self);
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

  gtk_editable_set_text (GTK_EDITABLE (self->domain.domain_entry), domain);
}

/**
 * sa_access_request_wizard_next:
 * @self: a #SaAccessRequestWizard
 *
 * Next (or, on the Reason for request page, Send Request — step 7; on the
 * confirmation, Done), as the header bar's button does. Does nothing while
 * the current page is not complete.
 */
void
sa_access_request_wizard_next (SaAccessRequestWizard *self)
{
  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
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
