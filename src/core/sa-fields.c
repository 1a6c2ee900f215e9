/* sa-fields.c — what went wrong with a field of the account request or profile
 * form, as a translated sentence, whichever back end refused it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error-private.h"
#include "sa-fields.h"

/* A local check already wrote the sentence (translated); a server's refusal
 * gets ours, never the server's own text. */
static gboolean
is_local (const GError *error)
{
  return g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

/**
 * sa_client_error_dup_account_request_field:
 * @error: (nullable): the error of sa_client_create_account_request_finish()
 * @field: a field of the "Request a Smart Account" form
 * @user_index: (out) (optional): for %SA_ACCOUNT_REQUEST_FIELD_USERS, the
 *   position of the refused User Email in the list that was sent, or
 *   %G_MAXUINT when the back end did not say; otherwise %G_MAXUINT
 *
 * Tells whether @field was refused, by the local checks
 * (%SA_CLIENT_ERROR_INVALID_INPUT) or by the server
 * (%SA_CLIENT_ERROR_VALIDATION_FAILED), and how to put it right: the wizard
 * marks the field and goes back to the step that holds it ("Identify Account
 * Name and Customer", "Add Users to the Account").
 *
 * Returns: (transfer full) (nullable): a translated sentence, or %NULL when
 *   @field was not refused; free with g_free()
 */
char *
sa_client_error_dup_account_request_field (const GError          *error,
                                           SaAccountRequestField  field,
                                           guint                 *user_index)
{
  const SaRefusedField *refused;

  if (user_index != NULL)
    *user_index = G_MAXUINT;

  refused = sa_client_error_find_refused_field (error, SA_FIELD_FORM_ACCOUNT_REQUEST, field);
  if (refused == NULL)
    return NULL;

  if (field == SA_ACCOUNT_REQUEST_FIELD_USERS && user_index != NULL)
    *user_index = refused->index;

  if (is_local (error) && refused->detail != NULL && *refused->detail != '\0')
    return g_strdup (refused->detail);

  switch (field)
    {
    case SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME:
      return g_strdup (_("The server did not accept this Account Name. Use 1 to 100 characters, without control characters."));
    case SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL:
      return g_strdup (_("The server did not accept this e-mail address. Check it for typing mistakes."));
    case SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN:
      return g_strdup (_("The server did not accept this Account Domain. Check it for typing mistakes."));
    case SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER:
    case SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS:
      return g_strdup (_("The server did not accept this note. Keep it under 1,000 characters."));
    case SA_ACCOUNT_REQUEST_FIELD_USERS:
      if (refused->value != NULL)
        return g_strdup_printf (_("The server did not accept the user e-mail “%s”. Correct it or remove it."),
                                refused->value);
      return g_strdup (_("The server did not accept the user e-mails. Check them for typing mistakes."));
    case SA_ACCOUNT_REQUEST_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sa_client_error_dup_profile_field:
 * @error: (nullable): the error of sa_client_update_profile_finish()
 * @field: a field of the profile
 *
 * Tells whether @field was refused, by the local checks
 * (%SA_CLIENT_ERROR_INVALID_INPUT) or by the server
 * (%SA_CLIENT_ERROR_VALIDATION_FAILED), for "Update your profile", the first
 * step of requesting access to a Smart Account.
 *
 * Returns: (transfer full) (nullable): a translated sentence, or %NULL when
 *   @field was not refused; free with g_free()
 */
char *
sa_client_error_dup_profile_field (const GError   *error,
                                   SaProfileField  field)
{
  const SaRefusedField *refused;

  g_return_val_if_fail (field < SA_PROFILE_N_FIELDS, NULL);

  refused = sa_client_error_find_refused_field (error, SA_FIELD_FORM_PROFILE, field);
  if (refused == NULL)
    return NULL;

  if (is_local (error) && refused->detail != NULL && *refused->detail != '\0')
    return g_strdup (refused->detail);

  return g_strdup (_("The server did not accept this value."));
}
