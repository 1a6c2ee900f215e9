/* sa-cisco-error.h — the error domain of the Cisco API layer
 *
 * Every SA_CISCO_ERROR carries, as its message, a translated sentence that says
 * what happened and what to do next ("Test Connection" shows it as it is).
 * Cisco's own text never reaches the message alone; it goes to the debug log
 * (or, for SA_CISCO_ERROR_REJECTED, is quoted inside the translated sentence).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SA_CISCO_ERROR (sa_cisco_error_quark ())

/**
 * SaCiscoError:
 * @SA_CISCO_ERROR_FAILED: any other failure (an unexpected HTTP status)
 * @SA_CISCO_ERROR_INVALID_INPUT: refused locally before anything was sent (an
 *   empty search, a search by e-mail, a malformed order number…); the message
 *   says which
 * @SA_CISCO_ERROR_INSECURE_URI: a Cisco address is not an absolute https URI
 *   (plain http is accepted only for a loopback address such as 127.0.0.1)
 * @SA_CISCO_ERROR_NO_CREDENTIALS: no Client ID and Client Secret were given
 * @SA_CISCO_ERROR_INVALID_CLIENT: the identity provider answered
 *   `invalid_client`: a wrong Client ID or Secret, or an application registered
 *   less than about 30 minutes ago that is still propagating
 * @SA_CISCO_ERROR_ACCESS_NOT_APPROVED: 403 "Invalid Client": a token was issued,
 *   but the application's access to this API is not approved yet
 * @SA_CISCO_ERROR_DENIED: any other refusal (403, or 401 even with a fresh
 *   token): the registering Cisco.com user has no role for what was asked
 * @SA_CISCO_ERROR_RATE_LIMITED: 429 Too Many Requests, still after the bounded
 *   retries, or with a Retry-After longer than the client waits
 * @SA_CISCO_ERROR_NO_NETWORK: Cisco could not be reached (DNS, connection)
 * @SA_CISCO_ERROR_TIMEOUT: Cisco did not answer in time
 * @SA_CISCO_ERROR_TLS: the TLS certificate could not be verified, or the TLS
 *   handshake failed; nothing was sent
 * @SA_CISCO_ERROR_NOT_JSON: the answer is not JSON, such as an HTML page
 *   (`403 <h1>Not Authorized</h1>`)
 * @SA_CISCO_ERROR_NOT_FOUND: not found or not visible to the API application
 *   (`OSA001` in an HTTP 200 order answer, or HTTP 404)
 * @SA_CISCO_ERROR_SERVER_ERROR: 5xx, still after the bounded retries
 * @SA_CISCO_ERROR_BAD_REPLY: JSON, but not in the shape Cisco documents, or too
 *   large
 * @SA_CISCO_ERROR_REJECTED: Cisco answered `"status": "ERROR"`; the message
 *   quotes its `statusMessage`
 *
 * Error codes of %SA_CISCO_ERROR (docs/cisco.md, "Errors").
 */
typedef enum
{
  SA_CISCO_ERROR_FAILED,
  SA_CISCO_ERROR_INVALID_INPUT,
  SA_CISCO_ERROR_INSECURE_URI,
  SA_CISCO_ERROR_NO_CREDENTIALS,
  SA_CISCO_ERROR_INVALID_CLIENT,
  SA_CISCO_ERROR_ACCESS_NOT_APPROVED,
  SA_CISCO_ERROR_DENIED,
  SA_CISCO_ERROR_RATE_LIMITED,
  SA_CISCO_ERROR_NO_NETWORK,
  SA_CISCO_ERROR_TIMEOUT,
  SA_CISCO_ERROR_TLS,
  SA_CISCO_ERROR_NOT_JSON,
  SA_CISCO_ERROR_NOT_FOUND,
  SA_CISCO_ERROR_SERVER_ERROR,
  SA_CISCO_ERROR_BAD_REPLY,
  SA_CISCO_ERROR_REJECTED,
} SaCiscoError;

GQuark   sa_cisco_error_quark    (void);

GError  *sa_cisco_error_new      (SaCiscoError  code,
                                  const char   *detail);
GError  *sa_cisco_error_new_rejected (const char *status_message);
char    *sa_cisco_error_dup_message (SaCiscoError code);

G_END_DECLS
