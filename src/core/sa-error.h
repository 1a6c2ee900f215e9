/* sa-error.h — the client error domain; codes match the Desk API's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SA_CLIENT_ERROR (sa_client_error_quark ())

/**
 * SaClientError:
 * @SA_CLIENT_ERROR_FAILED: anything else (unexpected HTTP status)
 * @SA_CLIENT_ERROR_NETWORK: the server could not be reached
 * @SA_CLIENT_ERROR_TIMEOUT: the server did not answer in time
 * @SA_CLIENT_ERROR_INVALID_RESPONSE: the answer was not the JSON the contract gives
 * @SA_CLIENT_ERROR_SERVER_ERROR: the server answered 5xx
 * @SA_CLIENT_ERROR_INVALID_INPUT: rejected by local validation before sending
 * @SA_CLIENT_ERROR_INVALID_CREDENTIALS: token endpoint said invalid_grant
 * @SA_CLIENT_ERROR_INVALID_REQUEST: 400 INVALID_REQUEST
 * @SA_CLIENT_ERROR_UNAUTHENTICATED: 401 UNAUTHENTICATED
 * @SA_CLIENT_ERROR_NOT_AUTHORIZED: 403 NOT_AUTHORIZED
 * @SA_CLIENT_ERROR_NOT_FOUND: 404 NOT_FOUND
 * @SA_CLIENT_ERROR_ORDER_NOT_FOUND: 404 ORDER_NOT_FOUND
 * @SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND: 404 SMART_ACCOUNT_NOT_FOUND
 * @SA_CLIENT_ERROR_ORDER_SHIPPED: 409 ORDER_SHIPPED
 * @SA_CLIENT_ERROR_VERSION_CONFLICT: 412 VERSION_CONFLICT
 * @SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE: 422 WRONG_ACCOUNT_TYPE
 * @SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND: 422 VIRTUAL_ACCOUNT_NOT_FOUND
 * @SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED: 422 TERMS_NOT_ACCEPTED
 * @SA_CLIENT_ERROR_PRECONDITION_REQUIRED: 428 PRECONDITION_REQUIRED
 * @SA_CLIENT_ERROR_METHOD_NOT_ALLOWED: 405 METHOD_NOT_ALLOWED
 * @SA_CLIENT_ERROR_VALIDATION_FAILED: 422 VALIDATION_FAILED (which fields:
 *   sa_client_error_dup_account_request_field(),
 *   sa_client_error_dup_profile_field())
 * @SA_CLIENT_ERROR_DOMAIN_TAKEN: 409 DOMAIN_TAKEN: offer to request access instead
 * @SA_CLIENT_ERROR_REQUEST_NOT_PENDING: 409 REQUEST_NOT_PENDING
 * @SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND: 404 ACCOUNT_REQUEST_NOT_FOUND
 * @SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND: 404 ACCESS_REQUEST_NOT_FOUND
 * @SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED: 422 ACCOUNT_ID_REQUIRED (several Smart
 *   Accounts share the domain; the candidates come with the error)
 * @SA_CLIENT_ERROR_DUPLICATE_REQUEST: 409 DUPLICATE_REQUEST
 * @SA_CLIENT_ERROR_REMINDER_TOO_SOON: 429 REMINDER_TOO_SOON
 * @SA_CLIENT_ERROR_INSECURE_URI: local: plain HTTP to a host that is not loopback
 * @SA_CLIENT_ERROR_NOT_SUPPORTED: local: the back end the app is connected to
 *   cannot do this (see sa_client_get_features()); with Cisco, a change is made
 *   on Cisco's portal instead
 * @SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE: local: the server's TLS certificate
 *   is not trusted (unknown authority, wrong name, expired), so nothing was sent
 * @SA_CLIENT_ERROR_REDIRECT_LOOP: local: the server kept redirecting a request
 *   (more than 4 times) without answering it
 * @SA_CLIENT_ERROR_REDIRECT_REFUSED: local: the server redirected a write, or a
 *   request to another origin; the client follows neither
 * @SA_CLIENT_ERROR_TOO_SLOW: local: the server kept the connection alive but
 *   sent its answer too slowly: the call passed its overall time limit
 * @SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS: 429 from the sign-in (token) endpoint:
 *   too many failed attempts, wait before the next one
 *
 * Error codes of %SA_CLIENT_ERROR. The server's `code` string maps to one of
 * these through sa_client_error_from_code().
 *
 * Some errors carry details, which the finish functions of #SaClient hand
 * out: the refused fields of %SA_CLIENT_ERROR_VALIDATION_FAILED and
 * %SA_CLIENT_ERROR_INVALID_INPUT (sa-fields.h), the candidates of
 * %SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, the time of the next reminder of
 * %SA_CLIENT_ERROR_REMINDER_TOO_SOON. They travel with the #GError itself
 * (an extended error domain), so g_error_copy() keeps them.
 */
typedef enum
{
  SA_CLIENT_ERROR_FAILED,
  SA_CLIENT_ERROR_NETWORK,
  SA_CLIENT_ERROR_TIMEOUT,
  SA_CLIENT_ERROR_INVALID_RESPONSE,
  SA_CLIENT_ERROR_SERVER_ERROR,
  SA_CLIENT_ERROR_INVALID_INPUT,
  SA_CLIENT_ERROR_INVALID_CREDENTIALS,
  SA_CLIENT_ERROR_INVALID_REQUEST,
  SA_CLIENT_ERROR_UNAUTHENTICATED,
  SA_CLIENT_ERROR_NOT_AUTHORIZED,
  SA_CLIENT_ERROR_NOT_FOUND,
  SA_CLIENT_ERROR_ORDER_NOT_FOUND,
  SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
  SA_CLIENT_ERROR_ORDER_SHIPPED,
  SA_CLIENT_ERROR_VERSION_CONFLICT,
  SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE,
  SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND,
  SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED,
  SA_CLIENT_ERROR_PRECONDITION_REQUIRED,
  SA_CLIENT_ERROR_METHOD_NOT_ALLOWED,
  SA_CLIENT_ERROR_VALIDATION_FAILED,
  SA_CLIENT_ERROR_DOMAIN_TAKEN,
  SA_CLIENT_ERROR_REQUEST_NOT_PENDING,
  SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND,
  SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND,
  SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED,
  SA_CLIENT_ERROR_DUPLICATE_REQUEST,
  SA_CLIENT_ERROR_REMINDER_TOO_SOON,
  SA_CLIENT_ERROR_INSECURE_URI,
  SA_CLIENT_ERROR_NOT_SUPPORTED,
  SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE,
  SA_CLIENT_ERROR_REDIRECT_LOOP,
  SA_CLIENT_ERROR_REDIRECT_REFUSED,
  SA_CLIENT_ERROR_TOO_SLOW,
  SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS,
} SaClientError;

GQuark       sa_client_error_quark          (void);

/* The Desk API wire code ("ORDER_SHIPPED") of an error code, or NULL for the
 * local-only ones (NETWORK, TIMEOUT, INVALID_RESPONSE, SERVER_ERROR,
 * INVALID_INPUT, NOT_SUPPORTED, …). */
const char  *sa_client_error_to_code        (SaClientError  code);
/* Unknown codes give SA_CLIENT_ERROR_FAILED. */
SaClientError sa_client_error_from_code     (const char    *code);
/* The HTTP status the server answers with for @code (400, 401, …), 500 if none. */
guint        sa_client_error_get_http_status (SaClientError code);

/* A translated sentence for the user, explaining @error and what to do next.
 * Works for any GError (other domains give a generic message). Free with g_free(). */
char        *sa_error_dup_user_message      (const GError  *error);

G_END_DECLS
