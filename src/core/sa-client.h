/* sa-client.h — asynchronous client of the Desk API (libsoup 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-access-request.h"
#include "sa-account-request.h"
#include "sa-assignment.h"
#include "sa-order.h"
#include "sa-profile.h"
#include "sa-smart-account.h"
#include "sa-types.h"
#include "sa-virtual-account.h"

G_BEGIN_DECLS

#define SA_TYPE_CLIENT (sa_client_get_type ())
G_DECLARE_FINAL_TYPE (SaClient, sa_client, SA, CLIENT, GObject)

/* Properties: "base-uri" (string, construct-only, e.g. "http://127.0.0.1:41234/"),
 * "timeout" (uint, seconds, default 30), "signed-in" (boolean, read-only),
 * "username" (string, read-only, NULL until signed in).
 *
 * One SoupSession per client, shared by all calls. Loopback URIs bypass any proxy.
 * The access token lives in memory only and is never logged.
 *
 * Every *_async call takes a GCancellable owned by the caller; cancelling gives
 * G_IO_ERROR_CANCELLED from *_finish. All other errors are in SA_CLIENT_ERROR. */
SaClient     *sa_client_new                      (const char           *base_uri);
const char   *sa_client_get_base_uri             (SaClient             *self);
gboolean      sa_client_get_signed_in            (SaClient             *self);
const char   *sa_client_get_username             (SaClient             *self);
void          sa_client_set_timeout              (SaClient             *self,
                                                  guint                 seconds);
guint         sa_client_get_timeout              (SaClient             *self);
void          sa_client_sign_out                 (SaClient             *self);

/* POST /oauth2/token, password grant. */
void          sa_client_sign_in_async            (SaClient             *self,
                                                  const char           *username,
                                                  const char           *password,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      sa_client_sign_in_finish           (SaClient             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* GET /v1/profile. */
void          sa_client_get_profile_async        (SaClient             *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
SaProfile    *sa_client_get_profile_finish       (SaClient             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* GET /v1/orders. @value NULL lists all orders the user may see. Returns a
 * GListModel of SaOrder (no ETag: fetch one order for that); @total_records,
 * when not NULL, receives the server's totalRecords. */
void          sa_client_search_orders_async      (SaClient             *self,
                                                  SaOrderSearchField    field,
                                                  const char           *value,
                                                  guint                 offset,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel   *sa_client_search_orders_finish     (SaClient             *self,
                                                  GAsyncResult         *result,
                                                  guint                *total_records,
                                                  GError              **error);

/* GET /v1/orders/{salesOrderNumber}: the order with its ETag. */
void          sa_client_get_order_async          (SaClient             *self,
                                                  const char           *sales_order_number,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
SaOrder      *sa_client_get_order_finish         (SaClient             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* PUT /v1/orders/{n}/smart-account-assignment with If-Match from @order's ETag.
 * @end_customer and @holding: the new slot contents (domain and Virtual Account
 * are sent), or NULL to leave that slot as it is; at least one is required.
 * Returns the updated order with its new ETag. */
void          sa_client_update_assignment_async  (SaClient             *self,
                                                  SaOrder              *order,
                                                  SaAssignment         *end_customer,
                                                  SaAssignment         *holding,
                                                  gboolean              terms_accepted,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
SaOrder      *sa_client_update_assignment_finish (SaClient             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* GET /v1/accounts/search. @type_filter: an SaAccountType, or -1 for any.
 * Returns a GListModel of SaSmartAccount. */
void          sa_client_search_accounts_async    (SaClient             *self,
                                                  SaAccountSearchField  field,
                                                  const char           *value,
                                                  int                   type_filter,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel   *sa_client_search_accounts_finish   (SaClient             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* GET /v1/accounts/{domain}/{type}/virtual-accounts. Returns a GListModel of
 * SaVirtualAccount, DEFAULT first. */
void          sa_client_list_virtual_accounts_async  (SaClient         *self,
                                                      const char       *domain,
                                                      SaAccountType     account_type,
                                                      GCancellable     *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer          user_data);
GListModel   *sa_client_list_virtual_accounts_finish (SaClient         *self,
                                                      GAsyncResult     *result,
                                                      GError          **error);

/* POST /sandbox/reset and POST /sandbox/orders/{n}/ship (sandbox only; used by
 * the training menu and by tests). */
void          sa_client_sandbox_reset_async      (SaClient             *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      sa_client_sandbox_reset_finish     (SaClient             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void          sa_client_sandbox_ship_order_async (SaClient             *self,
                                                  const char           *sales_order_number,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      sa_client_sandbox_ship_order_finish (SaClient            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* ---- Procedure 3: request a Smart Account for a customer ---- */

/* POST /v1/account-requests. @users: NULL-terminated e-mails (may be NULL).
 * Validates locally first (INVALID_INPUT). Returns the new request; its Smart
 * Account is Pending and can be assigned at once. */
void              sa_client_create_account_request_async  (SaClient            *self,
                                                           const char          *account_name,
                                                           const char          *customer_email,
                                                           const char          *account_domain,
                                                           const char          *note_to_customer,
                                                           const char * const  *users,
                                                           const char          *note_to_users,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* On SA_CLIENT_ERROR_VALIDATION_FAILED, *fields (when not NULL) receives a
 * GHashTable of field name ("accountDomain", "users[2]" …) → server message
 * (untranslated, for g_debug or matching; show your own translated text). */
SaAccountRequest *sa_client_create_account_request_finish (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GHashTable         **fields,
                                                           GError             **error);
/* GET /v1/account-requests: a GListModel of SaAccountRequest, newest first. */
void              sa_client_list_account_requests_async   (SaClient            *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_list_account_requests_finish  (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

/* ---- Procedure 4: request access to an existing Smart Account ---- */

/* PUT /v1/profile ("Update your profile"); returns the profile as saved. */
void              sa_client_update_profile_async          (SaClient            *self,
                                                           SaProfile           *profile,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
SaProfile        *sa_client_update_profile_finish         (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GHashTable         **fields,
                                                           GError             **error);
/* GET /v1/access-requests/candidates?domain=: the Smart Accounts with exactly
 * this Account Domain Identifier (GListModel of SaSmartAccount; may be empty). */
void              sa_client_find_access_candidates_async  (SaClient            *self,
                                                           const char          *domain,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_find_access_candidates_finish (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* POST /v1/access-requests. @account_id: the chosen Smart Account's id, or NULL. */
void              sa_client_create_access_request_async   (SaClient            *self,
                                                           const char          *domain,
                                                           const char          *account_id,
                                                           const char          *reason,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* On SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, *candidates (when not NULL) receives a
 * GListModel of SaSmartAccount to choose from. */
SaAccessRequest  *sa_client_create_access_request_finish  (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GListModel         **candidates,
                                                           GError             **error);
/* GET /v1/access-requests: a GListModel of SaAccessRequest, newest first. */
void              sa_client_list_access_requests_async    (SaClient            *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_list_access_requests_finish   (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* POST /v1/access-requests/{id}/reminders ("Send a reminder"). */
void              sa_client_send_reminder_async           (SaClient            *self,
                                                           const char          *access_request_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* On SA_CLIENT_ERROR_REMINDER_TOO_SOON, *next_reminder (when not NULL) receives
 * when the next reminder is allowed (from nextReminderDate or Retry-After). */
SaAccessRequest  *sa_client_send_reminder_finish          (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GDateTime          **next_reminder,
                                                           GError             **error);

/* ---- Sandbox only: training controls ---- */

void              sa_client_sandbox_accept_account_request_async  (SaClient      *self,
                                                                   const char    *account_request_id,
                                                                   GCancellable  *cancellable,
                                                                   GAsyncReadyCallback callback,
                                                                   gpointer       user_data);
SaAccountRequest *sa_client_sandbox_accept_account_request_finish (SaClient      *self,
                                                                   GAsyncResult  *result,
                                                                   GError       **error);
/* POST /sandbox/clock {"advanceDays": N}. Returns the new sandbox time. */
void              sa_client_sandbox_advance_clock_async   (SaClient            *self,
                                                           guint                days,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GDateTime        *sa_client_sandbox_advance_clock_finish  (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* GET /sandbox/clock: the sandbox's "now" (UTC). */
void              sa_client_sandbox_get_clock_async       (SaClient            *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GDateTime        *sa_client_sandbox_get_clock_finish      (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void              sa_client_sandbox_decide_access_request_async  (SaClient       *self,
                                                                  const char     *access_request_id,
                                                                  gboolean        approve,
                                                                  GCancellable   *cancellable,
                                                                  GAsyncReadyCallback callback,
                                                                  gpointer        user_data);
SaAccessRequest  *sa_client_sandbox_decide_access_request_finish (SaClient       *self,
                                                                  GAsyncResult   *result,
                                                                  GError        **error);

/* ---- Sign-in renewal (Live mode) ---- */

/* When enabled, a 401 on any call makes the client look up the credentials
 * remembered in the keyring for its base URI (sa_credentials_lookup_async), sign
 * in again once and repeat the call once; if that fails the call fails with
 * SA_CLIENT_ERROR_UNAUTHENTICATED and the client emits "sign-in-required".
 * Signal: "sign-in-required" (no arguments) — the UI opens its sign-in dialog
 * and, once signed in, repeats what the user was doing. */
void              sa_client_set_renew_from_keyring        (SaClient            *self,
                                                           gboolean             enabled);
gboolean          sa_client_get_renew_from_keyring        (SaClient            *self);

G_END_DECLS
