/* sa-account-request-wizard.c — the "Request a Smart Account" wizard
 *
 * Mirrors steps 2 to 6 of "How do I request a Smart Account for a customer":
 * "Identify Account Name and Customer" (step 3 a), "Add Users to the Account"
 * (step 3 b), "Review Request" with Send Request (steps 4 and 5), and the
 * result: the provisional Smart Account, Pending customer acceptance, the date
 * the request expires and what happens next (step 6).
 *
 * The wizard is an SaWizard (common/sa-wizard.h): this file is its use of
 * the shell — the class, the pages' order and completeness, the draft — and
 * each page has its file (see sa-account-request-wizard-private.h). The form
 * is a draft saved as it changes, offered back when the wizard opens, and
 * removed once the request is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-request-wizard-private.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"
#include "sa-wizard-draft.h"

G_DEFINE_FINAL_TYPE (SaAccountRequestWizard, sa_account_request_wizard, SA_TYPE_WIZARD)

enum {
  REQUEST_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- The shell's questions ---- */

static gboolean
sa_account_request_wizard_page_complete (SaWizard   *wizard,
                                         const char *page)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (wizard);

  if (g_strcmp0 (page, "identify") == 0)
    return sa_account_form_fields_valid (self, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME, SA_ACCOUNT_FORM_LAST_IDENTIFY);
  if (g_strcmp0 (page, "users") == 0)
    return sa_account_form_fields_valid (self, SA_ACCOUNT_REQUEST_FIELD_USERS, SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS);
  if (g_strcmp0 (page, "review") == 0)
    return !self->sending && !self->sent &&
           sa_account_form_first_invalid (self) == SA_ACCOUNT_REQUEST_N_FIELDS;

  return FALSE;
}

static void
sa_account_request_wizard_next (SaWizard   *wizard,
                                const char *page)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (wizard);

  /* Addresses typed but not yet added go with the rest. */
  if (g_strcmp0 (page, "users") == 0 &&
      *gtk_editable_get_text (GTK_EDITABLE (self->field_widgets[SA_ACCOUNT_REQUEST_FIELD_USERS])) != '\0')
    sa_account_users_add_pending (self);

  SA_WIZARD_CLASS (sa_account_request_wizard_parent_class)->next (wizard, page);
}

static void
sa_account_request_wizard_send (SaWizard *wizard)
{
  sa_account_review_send (SA_ACCOUNT_REQUEST_WIZARD (wizard));
}

/* The documented step each page carries out. */
static SaProcedureStep
page_procedure_step (const char *page)
{
  if (g_strcmp0 (page, "users") == 0)
    return SA_PROCEDURE_STEP_REQUEST_ACCOUNT_USERS;
  if (g_strcmp0 (page, "review") == 0)
    return SA_PROCEDURE_STEP_REQUEST_ACCOUNT_REVIEW;
  if (g_strcmp0 (page, "result") == 0)
    return SA_PROCEDURE_STEP_REQUEST_ACCOUNT_RESULT;

  return SA_PROCEDURE_STEP_REQUEST_ACCOUNT_IDENTIFY;
}

static void
sa_account_request_wizard_page_shown (SaWizard   *wizard,
                                      const char *page)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (wizard);

  if (g_strcmp0 (page, "review") == 0)
    sa_account_review_fill (self);
  sa_wizard_show_procedure_step (wizard, page_procedure_step (page));
}

/* ---- The draft ---- */

static gboolean
sa_account_request_wizard_save_draft (SaWizard     *wizard,
                                      GVariantDict *draft)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (wizard);
  g_auto(GStrv) users = NULL;

  if (sa_account_form_is_empty (self))
    return FALSE;

  /* Kept exactly as typed, spaces included. */
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    if (i != SA_ACCOUNT_REQUEST_FIELD_USERS)
      {
        g_autofree char *text = sa_account_form_dup_raw_text (self, i);

        g_variant_dict_insert (draft, sa_account_form_names[i], "s", text);
      }

  users = sa_account_users_dup (self);
  g_variant_dict_insert_value (draft, sa_account_form_names[SA_ACCOUNT_REQUEST_FIELD_USERS],
                               g_variant_new_strv ((const char * const *) users, -1));
  g_variant_dict_insert (draft, "pending-users", "s",
                         gtk_editable_get_text (GTK_EDITABLE (self->field_widgets[SA_ACCOUNT_REQUEST_FIELD_USERS])));

  return TRUE;
}

static void
sa_account_request_wizard_restore_draft (SaWizard   *wizard,
                                         GVariant   *draft,
                                         const char *page)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (wizard);
  g_autofree const char **users = NULL;
  SaAccountRequestField invalid;

  self->restoring = TRUE;
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    if (i != SA_ACCOUNT_REQUEST_FIELD_USERS)
      sa_account_form_set_text (self, i, sa_wizard_draft_lookup_string (draft, sa_account_form_names[i]));

  if (!g_variant_lookup (draft, sa_account_form_names[SA_ACCOUNT_REQUEST_FIELD_USERS], "^a&s", &users))
    users = NULL;
  gtk_string_list_splice (self->users, 0, g_list_model_get_n_items (G_LIST_MODEL (self->users)),
                          (const char * const *) users);
  sa_account_form_set_text (self, SA_ACCOUNT_REQUEST_FIELD_USERS, sa_wizard_draft_lookup_string (draft, "pending-users"));
  self->restoring = FALSE;

  /* Show what is wrong with what was kept. */
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    {
      g_autofree char *text = sa_account_form_dup_raw_text (self, i);

      self->touched[i] = *text != '\0';
    }
  self->touched[SA_ACCOUNT_REQUEST_FIELD_USERS] = TRUE;
  sa_account_form_update_all (self);

  /* The page the user left, unless a page before it needs correcting. */
  invalid = sa_account_form_first_invalid (self);
  if (g_strcmp0 (page, "review") == 0 && invalid != SA_ACCOUNT_REQUEST_N_FIELDS)
    page = invalid <= SA_ACCOUNT_FORM_LAST_IDENTIFY ? "identify" : "users";
  if (g_strcmp0 (page, "users") == 0 && invalid <= SA_ACCOUNT_FORM_LAST_IDENTIFY)
    page = "identify";
  if (g_strcmp0 (page, "users") != 0 && g_strcmp0 (page, "review") != 0)
    page = "identify";

  sa_wizard_show_page (wizard, page, NULL);
}

static char *
sa_account_request_wizard_describe_draft (SaWizard *wizard,
                                          GVariant *draft)
{
  const char *name = sa_wizard_draft_lookup_string (draft, sa_account_form_names[SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME]);

  if (*name != '\0')
    /* Translators: the banner offering back an unsent request; %s is its Account Name */
    return g_strdup_printf (_("You started a request for “%s” earlier and did not send it. "
                              "Restore it to go on where you left off, or discard it."),
                            name);

  return g_strdup (_("You started a Smart Account request earlier and did not send it. "
                     "Restore it to go on where you left off, or discard it."));
}

/* ---- GObject ---- */

static void
sa_account_request_wizard_dispose (GObject *object)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  sa_account_users_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCOUNT_REQUEST_WIZARD);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->request);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_account_request_wizard_parent_class)->dispose (object);
}

static void
sa_account_request_wizard_finalize (GObject *object)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (object);

  g_free (self->taken_domain);
  sa_account_form_forget_server_errors (self);

  G_OBJECT_CLASS (sa_account_request_wizard_parent_class)->finalize (object);
}

static void
sa_account_request_wizard_class_init (SaAccountRequestWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SaWizardClass *wizard_class = SA_WIZARD_CLASS (klass);

  object_class->dispose = sa_account_request_wizard_dispose;
  object_class->finalize = sa_account_request_wizard_finalize;

  wizard_class->page_complete = sa_account_request_wizard_page_complete;
  wizard_class->next = sa_account_request_wizard_next;
  wizard_class->send = sa_account_request_wizard_send;
  wizard_class->page_shown = sa_account_request_wizard_page_shown;
  wizard_class->save_draft = sa_account_request_wizard_save_draft;
  wizard_class->restore_draft = sa_account_request_wizard_restore_draft;
  wizard_class->describe_draft = sa_account_request_wizard_describe_draft;
  sa_wizard_class_set_draft_name (wizard_class, SA_DRAFT_ACCOUNT_REQUEST);

  /**
   * SaAccountRequestWizard::request-sent:
   * @self: the wizard
   * @request: (transfer none): the request as the server created it, with
   *   its Pending Smart Account
   *
   * Emitted once Send Request succeeded (step 5 of "request a Smart Account");
   * the wizard then shows the result page.
   */
  signals[REQUEST_SENT] = g_signal_new ("request-sent",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, SA_TYPE_ACCOUNT_REQUEST);

  g_type_ensure (SA_TYPE_STATUS_PILL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/account-requests/sa-account-request-wizard.ui");
  sa_account_form_class_init (widget_class);
  sa_account_identify_class_init (widget_class);
  sa_account_users_class_init (widget_class);
  sa_account_review_class_init (widget_class);
  sa_account_result_class_init (widget_class);
}

static void
sa_account_request_wizard_init (SaAccountRequestWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  sa_account_form_init (self);
  sa_account_users_init (self);

  sa_account_form_update_all (self);
  sa_wizard_show_page (SA_WIZARD (self), "identify", self->field_widgets[SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME]);
}

/**
 * sa_account_request_wizard_new:
 * @client: a signed-in #SaClient
 * @parent: (nullable): the window to be modal for
 *
 * Creates the "Request a Smart Account" wizard (step 2 of "request a Smart
 * Account for a customer": what "Request a Smart Account" under "New
 * Customer Accounts" opens). If a draft was saved earlier, the wizard offers
 * it back. Show it with gtk_window_present(); connect to
 * #SaAccountRequestWizard::request-sent for the new request.
 *
 * Returns: (transfer none): the new wizard, owned by GTK's toplevel list
 */
SaAccountRequestWizard *
sa_account_request_wizard_new (SaClient  *client,
                               GtkWindow *parent)
{
  SaAccountRequestWizard *self;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SA_TYPE_ACCOUNT_REQUEST_WIZARD,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->client = g_object_ref (client);
  sa_wizard_load_draft (SA_WIZARD (self));

  return self;
}

/**
 * sa_account_request_wizard_fill:
 * @self: a #SaAccountRequestWizard
 * @request: an earlier request (an expired one, for "Request Again")
 *
 * Fills the form with @request's Account Name, Customer Email, Account
 * Domain, users and notes, as a restored draft is (each field checked), and
 * shows the review page ("Review Request", step 5 of "request a Smart
 * Account for a customer"), or the first page needing a correction.
 */
void
sa_account_request_wizard_fill (SaAccountRequestWizard *self,
                                SaAccountRequest       *request)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  const char * const *users;
  const char *texts[SA_ACCOUNT_REQUEST_N_FIELDS] = { NULL, };
  g_autoptr(GVariant) form = NULL;

  g_return_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self));
  g_return_if_fail (SA_IS_ACCOUNT_REQUEST (request));

  texts[SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME] = sa_account_request_get_account_name (request);
  texts[SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL] = sa_account_request_get_customer_email (request);
  texts[SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN] = sa_account_request_get_account_domain (request);
  texts[SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER] = sa_account_request_get_note_to_customer (request);
  texts[SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS] = sa_account_request_get_note_to_users (request);
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    if (i != SA_ACCOUNT_REQUEST_FIELD_USERS)
      g_variant_dict_insert (&dict, sa_account_form_names[i], "s", texts[i] ? texts[i] : "");
  users = sa_account_request_get_users (request);
  g_variant_dict_insert_value (&dict, sa_account_form_names[SA_ACCOUNT_REQUEST_FIELD_USERS],
                               g_variant_new_strv (users != NULL ? users : (const char * const[]) { NULL }, -1));
  form = g_variant_ref_sink (g_variant_dict_end (&dict));

  sa_account_request_wizard_restore_draft (SA_WIZARD (self), form, "review");
  sa_wizard_form_changed (SA_WIZARD (self));
}

/**
 * sa_account_request_wizard_set_assign_mode:
 * @self: a #SaAccountRequestWizard
 * @assign_mode: %TRUE when opened from the Assign Smart Account dialog
 *
 * In assign mode the result page offers "Assign This Account", which closes
 * the wizard and leaves the dialog with the new Pending Smart Account
 * selected (an order may be assigned to a Pending account).
 */
void
sa_account_request_wizard_set_assign_mode (SaAccountRequestWizard *self,
                                           gboolean                assign_mode)
{
  g_return_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self));

  self->assign_mode = !!assign_mode;
  gtk_widget_set_visible (GTK_WIDGET (self->result.assign_button), self->assign_mode && self->sent);
}

/**
 * sa_account_request_wizard_get_page:
 * @self: a #SaAccountRequestWizard
 *
 * Kept while tests/ui/sa-screenshot.c calls it: new code reads #SaWizard:page.
 *
 * Returns: (transfer none): the page shown: "identify", "users", "review"
 *   or "result"
 */
const char *
sa_account_request_wizard_get_page (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), NULL);

  return sa_wizard_get_page (SA_WIZARD (self));
}

/**
 * sa_account_request_wizard_get_draft_checked:
 * @self: a #SaAccountRequestWizard
 *
 * Kept while tests/ui/sa-screenshot.c calls it: new code reads
 * #SaWizard:draft-loading and #SaWizard:draft-offered.
 *
 * Returns: %TRUE once the saved draft was looked for and, if there was one,
 *   restored or discarded
 */
gboolean
sa_account_request_wizard_get_draft_checked (SaAccountRequestWizard *self)
{
  gboolean loading, offered;

  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), FALSE);

  g_object_get (self, "draft-loading", &loading, "draft-offered", &offered, NULL);

  return !loading && !offered;
}

/**
 * sa_account_request_wizard_get_sending:
 * @self: a #SaAccountRequestWizard
 *
 * Returns: %TRUE while Send Request waits for the server
 */
gboolean
sa_account_request_wizard_get_sending (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), FALSE);

  return self->sending;
}

/**
 * sa_account_request_wizard_get_request:
 * @self: a #SaAccountRequestWizard
 *
 * Returns: (transfer none) (nullable): the request the server created, once sent
 */
SaAccountRequest *
sa_account_request_wizard_get_request (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), NULL);

  return self->request;
}

/**
 * sa_account_request_wizard_get_users:
 * @self: a #SaAccountRequestWizard
 *
 * Returns: (transfer none): the User Emails added so far (a #GtkStringList)
 */
GListModel *
sa_account_request_wizard_get_users (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), NULL);

  return G_LIST_MODEL (self->users);
}
