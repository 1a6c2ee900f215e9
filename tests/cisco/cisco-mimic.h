/* cisco-mimic.h — a test double speaking Cisco's APIs over loopback
 *
 * A SoupServer in a thread of its own (as GNOME Calendar's tests run theirs),
 * serving shapes of CISCO-APIS.md §6 under Cisco's own paths: the token
 * endpoint, Smart Account search (in either field spelling), /v2/accounts and
 * licenses; with any fault injected (any status, body, Content-Type or
 * Retry-After, a delay) and a TLS certificate of its own. The sandbox serves
 * Cisco's paths from the training data and is what the Cisco client is
 * tested against (cisco-sandbox.h); this double is kept for what the sandbox
 * never answers: the other spelling, a numeric orderNumber, other 403 bodies,
 * a page without Content-Type, 5xx, a truncated body, an untrusted
 * certificate (test-cisco-double.c).
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
GArray     *cisco_mimic_times            (CiscoMimic      *self,
                                          const char      *path_prefix);
void        cisco_mimic_reset_log        (CiscoMimic      *self);

G_END_DECLS
