/* sa-cisco-api.h — the connection to Cisco's public APIs (client credentials)
 *
 * One SaCiscoApi holds the three addresses (Cisco's identity provider, the
 * Smart Accounts & Licensing API, the CCW Order API), the Client ID and Client
 * Secret of the user's own API application, and the access token, which lives
 * in memory only. The reads themselves are in sa-cisco-accounts.h,
 * sa-cisco-licenses.h and sa-cisco-orders.h. docs/cisco.md maps every call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Cisco's own addresses (CISCO-APIS.md §1.1, §1.2, §1.4). */
#define SA_CISCO_DEFAULT_IDENTITY_URI  "https://id.cisco.com/oauth2/default/v1/token"
#define SA_CISCO_DEFAULT_LICENSING_URI "https://swapi.cisco.com/services/api/smart-accounts-and-licensing"
#define SA_CISCO_DEFAULT_ORDER_URI     "https://apix.cisco.com/commerce/ORDER/v2/sync/checkOrderStatus"

#define SA_TYPE_CISCO_API (sa_cisco_api_get_type ())
G_DECLARE_FINAL_TYPE (SaCiscoApi, sa_cisco_api, SA, CISCO_API, GObject)

SaCiscoApi *sa_cisco_api_new                (const char  *identity_uri,
                                             const char  *licensing_uri,
                                             const char  *order_uri);
SaCiscoApi *sa_cisco_api_new_for_practice   (const char  *server_uri);

const char *sa_cisco_api_get_identity_uri   (SaCiscoApi  *self);
const char *sa_cisco_api_get_licensing_uri  (SaCiscoApi  *self);
const char *sa_cisco_api_get_order_uri      (SaCiscoApi  *self);
gboolean    sa_cisco_api_check_uris         (SaCiscoApi  *self,
                                             GError     **error);

void        sa_cisco_api_set_credentials    (SaCiscoApi  *self,
                                             const char  *client_id,
                                             const char  *client_secret);
const char *sa_cisco_api_get_client_id      (SaCiscoApi  *self);
gboolean    sa_cisco_api_get_has_token      (SaCiscoApi  *self);
void        sa_cisco_api_forget_token       (SaCiscoApi  *self);

void        sa_cisco_api_set_timeout        (SaCiscoApi  *self,
                                             guint        seconds);
void        sa_cisco_api_set_rate_limit     (SaCiscoApi  *self,
                                             double       requests_per_second,
                                             guint        burst);
void        sa_cisco_api_set_retry_policy   (SaCiscoApi  *self,
                                             guint        max_retries,
                                             guint        first_backoff_ms,
                                             guint        max_wait_seconds);
void        sa_cisco_api_set_max_body_size  (SaCiscoApi  *self,
                                             gsize        bytes);

void        sa_cisco_api_request_token_async  (SaCiscoApi          *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    sa_cisco_api_request_token_finish (SaCiscoApi          *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
