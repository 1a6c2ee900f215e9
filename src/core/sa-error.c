/* sa-error.c — the client error domain, its wire codes, user messages and the
 * details an error carries (refused fields, candidates, next reminder)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-error-private.h"

/* The details travel inside the GError (an extended error domain), so that
 * every back end attaches them the same way and the #SaClient finish functions
 * read them without knowing which back end answered. */
typedef struct
{
  GPtrArray  *refused;        /* SaRefusedField, or NULL */
  GListModel *candidates;     /* SaSmartAccount, or NULL */
  GDateTime  *next_reminder;  /* or NULL */
} SaClientErrorPrivate;

static void
refused_field_free (gpointer data)
{
  SaRefusedField *refused = data;

  g_free (refused->key);
  g_free (refused->detail);
  g_free (refused->value);
  g_free (refused);
}

static SaRefusedField *
refused_field_copy (const SaRefusedField *refused)
{
  SaRefusedField *copy = g_new0 (SaRefusedField, 1);

  *copy = *refused;
  copy->key = g_strdup (refused->key);
  copy->detail = g_strdup (refused->detail);
  copy->value = g_strdup (refused->value);

  return copy;
}

/* The domain keeps its quark name "sa-client-error-quark", so it is
 * registered by hand the way G_DEFINE_EXTENDED_ERROR() does (which would
 * name it after the type). The private data sits just before the GError. */
static SaClientErrorPrivate *
sa_client_error_get_private (const GError *error)
{
  const gsize alignment = 2 * sizeof (gsize);
  const gsize offset = (sizeof (SaClientErrorPrivate) + (alignment - 1)) & -alignment;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (error->domain == SA_CLIENT_ERROR, NULL);

  return (SaClientErrorPrivate *) (((guint8 *) error) - offset);
}

static void
error_private_init (GError *error)
{
  SaClientErrorPrivate *priv = sa_client_error_get_private (error);

  priv->refused = NULL;
  priv->candidates = NULL;
  priv->next_reminder = NULL;
}

static void
error_private_copy (const GError *src_error,
                    GError       *dest_error)
{
  const SaClientErrorPrivate *src = sa_client_error_get_private (src_error);
  SaClientErrorPrivate *dest = sa_client_error_get_private (dest_error);

  if (src->refused != NULL)
    {
      dest->refused = g_ptr_array_new_with_free_func (refused_field_free);
      for (guint i = 0; i < src->refused->len; i++)
        g_ptr_array_add (dest->refused, refused_field_copy (g_ptr_array_index (src->refused, i)));
    }
  dest->candidates = src->candidates != NULL ? g_object_ref (src->candidates) : NULL;
  dest->next_reminder = src->next_reminder != NULL ? g_date_time_ref (src->next_reminder) : NULL;
}

static void
error_private_clear (GError *error)
{
  SaClientErrorPrivate *priv = sa_client_error_get_private (error);

  g_clear_pointer (&priv->refused, g_ptr_array_unref);
  g_clear_object (&priv->candidates);
  g_clear_pointer (&priv->next_reminder, g_date_time_unref);
}

/**
 * sa_client_error_quark:
 *
 * The #SaClientError domain, an extended error domain whose errors carry
 * their details (refused fields, candidates, next reminder).
 *
 * Returns: the domain's #GQuark
 */
GQuark
sa_client_error_quark (void)
{
  static GQuark quark;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      quark = g_error_domain_register_static ("sa-client-error-quark",
                                              sizeof (SaClientErrorPrivate),
                                              error_private_init,
                                              error_private_copy,
                                              error_private_clear);
      g_once_init_leave (&initialized, 1);
    }

  return quark;
}

typedef struct
{
  SaClientError  code;
  const char    *wire;
  guint          http_status;
} ErrorInfo;

/* Indexed by SaClientError. Local-only codes have no wire name. */
static const ErrorInfo error_info[] = {
  { SA_CLIENT_ERROR_FAILED, NULL, 500 },
  { SA_CLIENT_ERROR_NETWORK, NULL, 500 },
  { SA_CLIENT_ERROR_TIMEOUT, NULL, 500 },
  { SA_CLIENT_ERROR_INVALID_RESPONSE, NULL, 500 },
  { SA_CLIENT_ERROR_SERVER_ERROR, NULL, 500 },
  { SA_CLIENT_ERROR_INVALID_INPUT, NULL, 500 },
  { SA_CLIENT_ERROR_INVALID_CREDENTIALS, NULL, 400 },
  { SA_CLIENT_ERROR_INVALID_REQUEST, "INVALID_REQUEST", 400 },
  { SA_CLIENT_ERROR_UNAUTHENTICATED, "UNAUTHENTICATED", 401 },
  { SA_CLIENT_ERROR_NOT_AUTHORIZED, "NOT_AUTHORIZED", 403 },
  { SA_CLIENT_ERROR_NOT_FOUND, "NOT_FOUND", 404 },
  { SA_CLIENT_ERROR_ORDER_NOT_FOUND, "ORDER_NOT_FOUND", 404 },
  { SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND, "SMART_ACCOUNT_NOT_FOUND", 404 },
  { SA_CLIENT_ERROR_ORDER_SHIPPED, "ORDER_SHIPPED", 409 },
  { SA_CLIENT_ERROR_VERSION_CONFLICT, "VERSION_CONFLICT", 412 },
  { SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE, "WRONG_ACCOUNT_TYPE", 422 },
  { SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND, "VIRTUAL_ACCOUNT_NOT_FOUND", 422 },
  { SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED, "TERMS_NOT_ACCEPTED", 422 },
  { SA_CLIENT_ERROR_PRECONDITION_REQUIRED, "PRECONDITION_REQUIRED", 428 },
  { SA_CLIENT_ERROR_METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", 405 },
  { SA_CLIENT_ERROR_VALIDATION_FAILED, "VALIDATION_FAILED", 422 },
  { SA_CLIENT_ERROR_DOMAIN_TAKEN, "DOMAIN_TAKEN", 409 },
  { SA_CLIENT_ERROR_REQUEST_NOT_PENDING, "REQUEST_NOT_PENDING", 409 },
  { SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND, "ACCOUNT_REQUEST_NOT_FOUND", 404 },
  { SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, "ACCESS_REQUEST_NOT_FOUND", 404 },
  { SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, "ACCOUNT_ID_REQUIRED", 422 },
  { SA_CLIENT_ERROR_DUPLICATE_REQUEST, "DUPLICATE_REQUEST", 409 },
  { SA_CLIENT_ERROR_REMINDER_TOO_SOON, "REMINDER_TOO_SOON", 429 },
  { SA_CLIENT_ERROR_INSECURE_URI, NULL, 500 },
  { SA_CLIENT_ERROR_NOT_SUPPORTED, NULL, 500 },
  { SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE, NULL, 500 },
  { SA_CLIENT_ERROR_REDIRECT_LOOP, NULL, 500 },
  { SA_CLIENT_ERROR_REDIRECT_REFUSED, NULL, 500 },
  { SA_CLIENT_ERROR_TOO_SLOW, NULL, 500 },
  { SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS, NULL, 429 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (error_info) == SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS + 1);

static const ErrorInfo *
get_info (SaClientError code)
{
  if ((guint) code >= G_N_ELEMENTS (error_info))
    return NULL;

  return &error_info[code];
}

/**
 * sa_client_error_to_code:
 * @code: an #SaClientError
 *
 * The Desk API `code` string of an error code (docs/desk-api.md, "Errors").
 *
 * Returns: (transfer none) (nullable): the wire code ("ORDER_SHIPPED" …), or %NULL
 *   for codes that exist only on the client (NETWORK, TIMEOUT, INVALID_RESPONSE,
 *   SERVER_ERROR, INVALID_INPUT, INVALID_CREDENTIALS, INSECURE_URI,
 *   NOT_SUPPORTED, FAILED)
 */
const char *
sa_client_error_to_code (SaClientError code)
{
  const ErrorInfo *info = get_info (code);

  return info != NULL ? info->wire : NULL;
}

/**
 * sa_client_error_from_code:
 * @code: (nullable): a Desk API error `code` string such as "VERSION_CONFLICT"
 *
 * Maps the `code` member of a server error body to an #SaClientError.
 *
 * Returns: the matching code, or %SA_CLIENT_ERROR_FAILED for %NULL or an unknown
 *   string
 */
SaClientError
sa_client_error_from_code (const char *code)
{
  if (code == NULL)
    return SA_CLIENT_ERROR_FAILED;

  for (guint i = 0; i < G_N_ELEMENTS (error_info); i++)
    {
      if (error_info[i].wire != NULL && strcmp (error_info[i].wire, code) == 0)
        return error_info[i].code;
    }

  return SA_CLIENT_ERROR_FAILED;
}

/**
 * sa_client_error_get_http_status:
 * @code: an #SaClientError
 *
 * The HTTP status the server answers with together with @code. The sandbox uses
 * it to answer, the client to cross-check.
 *
 * Returns: an HTTP status (400, 401, 403, 404, 405, 409, 412, 422, 428, 429), or 500
 *   for codes that have no status of their own
 */
guint
sa_client_error_get_http_status (SaClientError code)
{
  const ErrorInfo *info = get_info (code);

  return info != NULL ? info->http_status : 500;
}

static char *
dup_client_message (const GError *error)
{
  switch ((SaClientError) error->code)
    {
    case SA_CLIENT_ERROR_NETWORK:
      return g_strdup (_("The server could not be reached. Check your network connection, then try again: your changes are kept."));
    case SA_CLIENT_ERROR_TIMEOUT:
      return g_strdup (_("The server did not answer in time. Your changes are kept: try again in a moment."));
    case SA_CLIENT_ERROR_INVALID_RESPONSE:
      return g_strdup (_("The server sent an answer this application does not understand. Try again later; if it keeps happening, contact your administrator."));
    case SA_CLIENT_ERROR_SERVER_ERROR:
      return g_strdup (_("The server ran into a problem and could not complete the request. Your changes are kept: try again later."));
    case SA_CLIENT_ERROR_INVALID_INPUT:
      /* Already a translated sentence built by the validation code. */
      if (error->message != NULL && *error->message != '\0')
        return g_strdup (error->message);
      return g_strdup (_("Some of the values you entered are not valid. Correct them and try again."));
    case SA_CLIENT_ERROR_INVALID_CREDENTIALS:
      return g_strdup (_("The user name or password is not correct. Check them and sign in again."));
    case SA_CLIENT_ERROR_INVALID_REQUEST:
      return g_strdup (_("The server refused the request as malformed. Check the values you entered and try again."));
    case SA_CLIENT_ERROR_UNAUTHENTICATED:
      return g_strdup (_("You are not signed in, or your session has expired. Sign in again, then repeat the action."));
    case SA_CLIENT_ERROR_NOT_AUTHORIZED:
      return g_strdup (_("You do not have access to this order. Ask your administrator for access if you need to change it."));
    case SA_CLIENT_ERROR_NOT_FOUND:
      return g_strdup (_("The requested item does not exist on the server."));
    case SA_CLIENT_ERROR_ORDER_NOT_FOUND:
      return g_strdup (_("No order with this number was found. Check the number and search again."));
    case SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND:
      return g_strdup (_("This Smart Account was not found. Search for the account again and pick it from the results."));
    case SA_CLIENT_ERROR_ORDER_SHIPPED:
      return g_strdup (_("This order has already shipped, so its license is already provisioned and its Smart Account assignment can no longer be changed here. To move it, open a case in Support Case Manager (SCM) with Global Licensing Operations (GLO)."));
    case SA_CLIENT_ERROR_VERSION_CONFLICT:
      return g_strdup (_("Someone changed this order in the meantime. It has been reloaded: check its current Smart Accounts, then submit your change again."));
    case SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE:
      return g_strdup (_("This Smart Account is of the wrong type for this slot: the End Customer slot takes only customer accounts, the Holding slot only Holding accounts. Choose another account."));
    case SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND:
      return g_strdup (_("The chosen Virtual Account does not belong to this Smart Account. Choose one from the list, or the DEFAULT Virtual Account."));
    case SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED:
      return g_strdup (_("You must accept the terms of use before the change can be submitted."));
    case SA_CLIENT_ERROR_PRECONDITION_REQUIRED:
      return g_strdup (_("The order must be loaded again before it can be changed. Reload it and submit your change again."));
    case SA_CLIENT_ERROR_METHOD_NOT_ALLOWED:
      return g_strdup (_("The server does not support this action. Check that the server address points to a Smart Account Desk server."));
    case SA_CLIENT_ERROR_VALIDATION_FAILED:
      return g_strdup (_("The server refused some of the values you entered. Correct the marked fields and send again: nothing else is lost."));
    case SA_CLIENT_ERROR_DOMAIN_TAKEN:
      return g_strdup (_("A Smart Account with this Account Domain already exists, so another one cannot be created. Request access to the existing Smart Account instead."));
    case SA_CLIENT_ERROR_REQUEST_NOT_PENDING:
      return g_strdup (_("This request is no longer pending: it was already accepted, decided or has expired. Refresh the list to see where it stands."));
    case SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND:
      return g_strdup (_("This Smart Account request was not found. Refresh the list of your requests."));
    case SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND:
      return g_strdup (_("This access request was not found. Refresh the list of your access requests."));
    case SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED:
      return g_strdup (_("Several Smart Accounts use this Account Domain Identifier. Choose the one you need access to, then send the request again."));
    case SA_CLIENT_ERROR_DUPLICATE_REQUEST:
      return g_strdup (_("You already have a pending access request for this Smart Account. Wait for its administrators to answer, or send them a reminder."));
    case SA_CLIENT_ERROR_REMINDER_TOO_SOON:
      return g_strdup (_("A reminder can be sent only once a day for each request. Try again later."));
    case SA_CLIENT_ERROR_INSECURE_URI:
      return g_strdup (_("This server address uses plain HTTP, which would send your password without encryption. Use an address starting with https://; plain http:// is accepted only for a server on this computer."));
    case SA_CLIENT_ERROR_NOT_SUPPORTED:
      return g_strdup (_("The current connection does not offer this action. Do it on Cisco's portal instead, or connect to a server that offers it."));
    case SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE:
      return g_strdup (_("The server’s certificate is not trusted, so the connection was stopped before anything was sent. Check the server address; if it is right, ask the server’s administrator for a certificate this computer trusts."));
    case SA_CLIENT_ERROR_REDIRECT_LOOP:
      return g_strdup (_("The server kept sending the request on to another address without ever answering it. Check the server address, or tell the server’s administrator: your changes are kept."));
    case SA_CLIENT_ERROR_REDIRECT_REFUSED:
      return g_strdup (_("The server tried to send the request on to another address. It was not followed, so that your data and sign-in stay with the server you chose: check the server address. Your changes are kept."));
    case SA_CLIENT_ERROR_TOO_SLOW:
      return g_strdup (_("The server is sending its answer too slowly, so the request was stopped. Your changes are kept: try again later."));
    case SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS:
      return g_strdup (_("Too many sign-in attempts failed, so the server is making you wait. Wait a minute, check the user name and password, then sign in again."));
    case SA_CLIENT_ERROR_FAILED:
    default:
      return g_strdup (_("The request could not be completed. Try again later."));
    }
}

/**
 * sa_error_dup_user_message:
 * @error: any #GError
 *
 * A translated sentence for the user saying what happened and what to do next.
 * %SA_CLIENT_ERROR codes each have their own sentence (for
 * %SA_CLIENT_ERROR_INVALID_INPUT the error's message, which the validation code
 * already translated); %G_IO_ERROR_CANCELLED and other domains get a generic one.
 * The server's own text is never included.
 *
 * Returns: (transfer full): a newly allocated string; free with g_free()
 */
char *
sa_error_dup_user_message (const GError *error)
{
  g_return_val_if_fail (error != NULL, g_strdup (""));

  if (error->domain == SA_CLIENT_ERROR)
    return dup_client_message (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup (_("The operation was cancelled."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_strdup (_("The server did not answer in time. Your changes are kept: try again in a moment."));

  return g_strdup (_("Something went wrong and the operation could not be completed. Try again."));
}

/* ------------------------------------------------------------------------ */
/* For back ends (sa-error-private.h) */

/**
 * sa_client_error_new:
 * @code: an #SaClientError
 * @detail: (nullable): what happened, for the debug log only (never a secret;
 *   may be the server's own text)
 *
 * Builds the error a back end returns: its message is the translated sentence
 * of sa_error_dup_user_message() for @code, so that the UI can show it as it
 * is; @detail goes to g_debug() and nowhere else.
 *
 * Returns: (transfer full): a new #GError in %SA_CLIENT_ERROR
 */
GError *
sa_client_error_new (SaClientError  code,
                     const char    *detail)
{
  g_autoptr(GError) error = g_error_new_literal (SA_CLIENT_ERROR, code, "");
  g_autofree char *message = NULL;

  message = sa_error_dup_user_message (error);

  if (detail != NULL)
    g_debug ("Client error %d (%s): %s", code,
             sa_client_error_to_code (code) ? sa_client_error_to_code (code) : "local",
             detail);

  g_free (error->message);
  error->message = g_steal_pointer (&message);

  return g_steal_pointer (&error);
}

/**
 * sa_client_error_add_refused_field:
 * @error: an error in %SA_CLIENT_ERROR (%SA_CLIENT_ERROR_VALIDATION_FAILED or
 *   %SA_CLIENT_ERROR_INVALID_INPUT)
 * @form: the form the field belongs to
 * @field: an #SaAccountRequestField or #SaProfileField, per @form; -1 when
 *   the back end named a field this app does not know
 * @index: the position in a list field (the users of an account request),
 *   or %G_MAXUINT
 * @key: the back end's own name of the field ("users[2]"), for the debug log
 * @detail: (nullable): with %SA_CLIENT_ERROR_INVALID_INPUT the translated
 *   message of the local check; with %SA_CLIENT_ERROR_VALIDATION_FAILED the
 *   server's untranslated text
 * @value: (nullable): the refused value, when the back end knows it (the
 *   e-mail of a refused user)
 *
 * Records that @field was refused, so that the form can mark it ("Correct
 * the marked fields", the review step of procedures 3 and 4).
 */
void
sa_client_error_add_refused_field (GError      *error,
                                   SaFieldForm  form,
                                   int          field,
                                   guint        index,
                                   const char  *key,
                                   const char  *detail,
                                   const char  *value)
{
  SaClientErrorPrivate *priv;
  SaRefusedField *refused;

  g_return_if_fail (error != NULL && error->domain == SA_CLIENT_ERROR);
  g_return_if_fail (key != NULL);

  priv = sa_client_error_get_private (error);
  if (priv->refused == NULL)
    priv->refused = g_ptr_array_new_with_free_func (refused_field_free);

  g_debug ("Refused field %s: %s", key, detail != NULL ? detail : "");

  refused = g_new0 (SaRefusedField, 1);
  refused->form = form;
  refused->field = field;
  refused->index = index;
  refused->key = g_strdup (key);
  refused->detail = g_strdup (detail);
  refused->value = g_strdup (value);
  g_ptr_array_add (priv->refused, refused);
}

/**
 * sa_client_error_find_refused_field:
 * @error: (nullable): any #GError
 * @form: the form of @field
 * @field: an #SaAccountRequestField or #SaProfileField, per @form
 *
 * Returns: (transfer none) (nullable): the first record of @field refused in
 *   @error, or %NULL
 */
const SaRefusedField *
sa_client_error_find_refused_field (const GError *error,
                                    SaFieldForm   form,
                                    int           field)
{
  SaClientErrorPrivate *priv;

  if (error == NULL || error->domain != SA_CLIENT_ERROR)
    return NULL;

  priv = sa_client_error_get_private (error);
  for (guint i = 0; priv->refused != NULL && i < priv->refused->len; i++)
    {
      const SaRefusedField *refused = g_ptr_array_index (priv->refused, i);

      if (refused->form == form && refused->field == field)
        return refused;
    }

  return NULL;
}

/**
 * sa_client_error_set_candidates:
 * @error: an %SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED error
 * @candidates: (nullable): a #GListModel of #SaSmartAccount
 *
 * Attaches the Smart Accounts sharing the Account Domain Identifier, among
 * which the user picks one (procedure 4).
 */
void
sa_client_error_set_candidates (GError     *error,
                                GListModel *candidates)
{
  SaClientErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == SA_CLIENT_ERROR);
  g_return_if_fail (candidates == NULL || G_IS_LIST_MODEL (candidates));

  priv = sa_client_error_get_private (error);
  g_set_object (&priv->candidates, candidates);
}

/**
 * sa_client_error_get_candidates:
 * @error: (nullable): any #GError
 *
 * Returns: (transfer none) (nullable): the candidates attached with
 *   sa_client_error_set_candidates(), or %NULL
 */
GListModel *
sa_client_error_get_candidates (const GError *error)
{
  if (error == NULL || error->domain != SA_CLIENT_ERROR)
    return NULL;

  return sa_client_error_get_private (error)->candidates;
}

/**
 * sa_client_error_set_next_reminder:
 * @error: an %SA_CLIENT_ERROR_REMINDER_TOO_SOON error
 * @next_reminder: (nullable): when the next reminder is allowed (UTC)
 *
 * Attaches when "Send a reminder" will be possible again (procedure 4).
 */
void
sa_client_error_set_next_reminder (GError    *error,
                                   GDateTime *next_reminder)
{
  SaClientErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == SA_CLIENT_ERROR);

  priv = sa_client_error_get_private (error);
  g_clear_pointer (&priv->next_reminder, g_date_time_unref);
  if (next_reminder != NULL)
    priv->next_reminder = g_date_time_ref (next_reminder);
}

/**
 * sa_client_error_get_next_reminder:
 * @error: (nullable): any #GError
 *
 * Returns: (transfer none) (nullable): the time attached with
 *   sa_client_error_set_next_reminder(), or %NULL
 */
GDateTime *
sa_client_error_get_next_reminder (const GError *error)
{
  if (error == NULL || error->domain != SA_CLIENT_ERROR)
    return NULL;

  return sa_client_error_get_private (error)->next_reminder;
}
