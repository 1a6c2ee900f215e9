/* cisco-mimic.h — a test double speaking Cisco's APIs over loopback
 *
 * A SoupServer in a thread of its own (as GNOME Calendar's tests run theirs),
 * serving the shapes of CISCO-APIS.md §6 under Cisco's own paths: the token
 * endpoint, Smart Account search, /v2/accounts, Virtual Accounts, licenses
 * (paged), license transfer and checkOrderStatus; with the faults Cisco's
 * gateways really answer (403 "Invalid Client", an HTML 403, 429 with
 * Retry-After, 5xx, OSA001, bytes that are not UTF-8). The sandbox will serve
 * the same shapes later; these tests will then point at it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-cisco.h"

G_BEGIN_DECLS

#define MIMIC_CLIENT_ID      "sadesk-test-client"
#define MIMIC_CLIENT_SECRET  "Zq8-mimic-s3cret-Wm3xV9"
#define MIMIC_TOKEN_PATH     "/oauth2/default/v1/token"
#define MIMIC_SAL_PATH       "/services/api/smart-accounts-and-licensing"
#define MIMIC_ORDER_PATH     "/commerce/ORDER/v2/sync/checkOrderStatus"

typedef struct _CiscoMimic CiscoMimic;

CiscoMimic *cisco_mimic_new              (GTlsCertificate *certificate);
void        cisco_mimic_free             (CiscoMimic      *self);
char       *cisco_mimic_uri              (CiscoMimic      *self,
                                          const char      *path);
SaCiscoApi *cisco_mimic_new_api          (CiscoMimic      *self);

/* Controls (any thread). */
void        cisco_mimic_set_expires_in   (CiscoMimic      *self,
                                          int              seconds);
void        cisco_mimic_expire_tokens    (CiscoMimic      *self);
void        cisco_mimic_set_alternate_spellings (CiscoMimic *self,
                                                 gboolean    alternate);
void        cisco_mimic_set_delay        (CiscoMimic      *self,
                                          guint            milliseconds);
/* The next @count requests whose path starts with @path_prefix get this
 * answer instead (@body may hold any bytes; @retry_after may be NULL). */
void        cisco_mimic_add_fault        (CiscoMimic      *self,
                                          const char      *path_prefix,
                                          guint            count,
                                          guint            status,
                                          const char      *content_type,
                                          const char      *body,
                                          const char      *retry_after);

/* Observations. */
guint       cisco_mimic_count            (CiscoMimic      *self,
                                          const char      *path_prefix);
guint       cisco_mimic_count_status     (CiscoMimic      *self,
                                          guint            status);
char       *cisco_mimic_last_body        (CiscoMimic      *self,
                                          const char      *path_prefix);
char       *cisco_mimic_last_query       (CiscoMimic      *self,
                                          const char      *path_prefix);
char       *cisco_mimic_last_path        (CiscoMimic      *self,
                                          const char      *path_prefix);
GArray     *cisco_mimic_times            (CiscoMimic      *self,
                                          const char      *path_prefix);
void        cisco_mimic_reset_log        (CiscoMimic      *self);

G_END_DECLS
