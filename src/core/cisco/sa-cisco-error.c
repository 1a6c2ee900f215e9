/* sa-cisco-error.c — the Cisco API layer's error domain and its sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-cisco-error.h"

/* Cisco's statusMessage is quoted, never more than this many characters. */
#define MAX_QUOTED_CHARS 300

G_DEFINE_QUARK (sa-cisco-error-quark, sa_cisco_error)

/**
 * sa_cisco_error_dup_message:
 * @code: an #SaCiscoError
 *
 * The translated sentence for @code: what happened and the next action. For
 * %SA_CISCO_ERROR_REJECTED, the sentence without Cisco's own words (see
 * sa_cisco_error_new_rejected()). Serves "Test Connection" (issue 9), which
 * tells these cases apart in plain words.
 *
 * Returns: (transfer full): a newly allocated string; free with g_free()
 */
char *
sa_cisco_error_dup_message (SaCiscoError code)
{
  switch (code)
    {
    case SA_CISCO_ERROR_INVALID_INPUT:
      return g_strdup (_("Some of the values given are not valid for Cisco's API. Correct them and try again."));
    case SA_CISCO_ERROR_INSECURE_URI:
      return g_strdup (_("A Cisco API address in Preferences cannot be used: it must be a full address starting with https:// (plain http:// is accepted only for this computer, for practice)."));
    case SA_CISCO_ERROR_NO_CREDENTIALS:
      return g_strdup (_("Enter the Client ID and Client Secret of your Cisco API application in Preferences first."));
    case SA_CISCO_ERROR_INVALID_CLIENT:
      return g_strdup (_("Cisco did not accept the Client ID and Client Secret. Check that both were copied from your API application without extra spaces. A newly registered application takes about 30 minutes to become active: if you have just registered it, wait, then try again."));
    case SA_CISCO_ERROR_ACCESS_NOT_APPROVED:
      return g_strdup (_("Cisco accepted the Client ID and Client Secret but answered “Invalid Client”: your API application has not yet been granted access to this API. Request access for it on Cisco's API portal (approval usually takes up to a day), then try again."));
    case SA_CISCO_ERROR_DENIED:
      return g_strdup (_("Cisco refused this request. The Cisco.com user who registered your API application needs a role on this Smart Account or Virtual Account: ask the account's administrator for access, then try again."));
    case SA_CISCO_ERROR_RATE_LIMITED:
      return g_strdup (_("Cisco is limiting how many requests your API application may send. Wait a few minutes, then try again."));
    case SA_CISCO_ERROR_NO_NETWORK:
      return g_strdup (_("Cisco could not be reached. Check your network connection and proxy settings, then try again."));
    case SA_CISCO_ERROR_TIMEOUT:
      return g_strdup (_("Cisco did not answer in time. Try again in a moment."));
    case SA_CISCO_ERROR_TLS:
      return g_strdup (_("The secure connection to Cisco could not be verified, so nothing was sent. Check this computer's date and time, and any network equipment that inspects HTTPS traffic, then try again."));
    case SA_CISCO_ERROR_NOT_JSON:
      return g_strdup (_("Cisco answered with a web page instead of API data (for example “Not Authorized”). Check the Cisco API addresses in Preferences and that your API application has access to this API, then try again."));
    case SA_CISCO_ERROR_NOT_FOUND:
      return g_strdup (_("Not found or not visible to your API application. Check what you entered; if it is right, the Cisco.com user who registered the application has no access to it."));
    case SA_CISCO_ERROR_SERVER_ERROR:
      return g_strdup (_("Cisco's service ran into a problem and did not answer, even after several attempts. Try again later."));
    case SA_CISCO_ERROR_BAD_REPLY:
      return g_strdup (_("Cisco sent an answer this application does not understand. Try again later; if it keeps happening, report it to the application's developers."));
    case SA_CISCO_ERROR_REJECTED:
      return g_strdup (_("Cisco refused the request. Check the values and try again."));
    case SA_CISCO_ERROR_FAILED:
    default:
      return g_strdup (_("The request to Cisco could not be completed. Try again later."));
    }
}

/**
 * sa_cisco_error_new:
 * @code: an #SaCiscoError
 * @detail: (nullable): what went wrong, for the debug log only (never a
 *   secret; may be Cisco's own text)
 *
 * Creates an error whose message is the translated sentence for @code.
 *
 * Returns: (transfer full): a new #GError
 */
GError *
sa_cisco_error_new (SaCiscoError  code,
                    const char   *detail)
{
  g_autofree char *message = sa_cisco_error_dup_message (code);

  if (detail != NULL)
    g_debug ("Cisco error %d: %s", code, detail);

  return g_error_new_literal (SA_CISCO_ERROR, code, message);
}

/**
 * sa_cisco_error_new_rejected:
 * @status_message: (nullable): Cisco's `statusMessage` of a `"status": "ERROR"`
 *   answer (for example of a license transfer)
 *
 * Creates an %SA_CISCO_ERROR_REJECTED error whose translated message quotes
 * Cisco's reason (at most 300 characters), or gives the plain sentence when
 * Cisco gave none.
 *
 * Returns: (transfer full): a new #GError
 */
GError *
sa_cisco_error_new_rejected (const char *status_message)
{
  g_autofree char *quoted = NULL;
  g_autofree char *stripped = NULL;

  if (status_message != NULL && g_utf8_validate (status_message, -1, NULL))
    stripped = g_strstrip (g_strdup (status_message));

  if (stripped == NULL || *stripped == '\0')
    return sa_cisco_error_new (SA_CISCO_ERROR_REJECTED, "no statusMessage");

  g_debug ("Cisco rejected the request: %s", stripped);

  if (g_utf8_strlen (stripped, -1) > MAX_QUOTED_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (stripped, 0, MAX_QUOTED_CHARS);

      quoted = g_strconcat (cut, "…", NULL);
    }
  else
    {
      quoted = g_steal_pointer (&stripped);
    }

  return g_error_new (SA_CISCO_ERROR, SA_CISCO_ERROR_REJECTED,
                      /* Translators: %s is Cisco's own explanation, in English */
                      _("Cisco refused the request: “%s”. Check the values and try again."),
                      quoted);
}
