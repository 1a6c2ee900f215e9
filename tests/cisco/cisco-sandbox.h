/* cisco-sandbox.h — the sandbox, embedded in a thread of its own, as the
 * Cisco client's counterpart in tests
 *
 * The sandbox serves Cisco's paths from the training data (docs/cisco.md,
 * "The sandbox"): the client is pointed at it over loopback with a trainee's
 * user name and password as Client ID and Client Secret. Its training
 * faults (POST /sandbox/cisco-faults) make it answer as Cisco's gateways do
 * when things go wrong; its request log (GET /sandbox/cisco-requests) tells
 * what the client sent, and when. The controls go through the Desk API with
 * a plain SoupSession, blocking: the sandbox runs in its own thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-cisco.h"

G_BEGIN_DECLS

#define SANDBOX_CLIENT_ID     "trainee"
#define SANDBOX_CLIENT_SECRET "training"
#define SANDBOX_TOKEN_PATH    "/oauth2/default/v1/token"
#define SANDBOX_SAL_PATH      "/services/api/smart-accounts-and-licensing"
#define SANDBOX_ORDER_PATH    "/commerce/ORDER/v2/sync/checkOrderStatus"

typedef struct _CiscoSandbox CiscoSandbox;

CiscoSandbox *cisco_sandbox_new         (void);
void          cisco_sandbox_free        (CiscoSandbox *self);
char         *cisco_sandbox_uri         (CiscoSandbox *self,
                                         const char   *path);
SaCiscoApi   *cisco_sandbox_new_api     (CiscoSandbox *self);
SaCiscoApi   *cisco_sandbox_new_api_for (CiscoSandbox *self,
                                         const char   *client_id,
                                         const char   *client_secret);
void          cisco_sandbox_add_trainee (CiscoSandbox *self,
                                         const char   *name,
                                         const char   *password);

/* Training controls of the trainee's data (Desk API). */
void          cisco_sandbox_add_fault   (CiscoSandbox *self,
                                         const char   *fault_json);
void          cisco_sandbox_set_token_lifetime (CiscoSandbox *self,
                                                guint         seconds);
void          cisco_sandbox_ship        (CiscoSandbox *self,
                                         const char   *sales_order_number);
void          cisco_sandbox_reset_data  (CiscoSandbox *self);

/* The trainee's request log. */
guint         cisco_sandbox_count       (CiscoSandbox *self,
                                         const char   *path_prefix);
guint         cisco_sandbox_count_status (CiscoSandbox *self,
                                          guint         status);
char         *cisco_sandbox_last_body   (CiscoSandbox *self,
                                         const char   *path_prefix);
char         *cisco_sandbox_last_query  (CiscoSandbox *self,
                                         const char   *path_prefix);
char         *cisco_sandbox_last_path   (CiscoSandbox *self,
                                         const char   *path_prefix);
GArray       *cisco_sandbox_times       (CiscoSandbox *self,
                                         const char   *path_prefix);
/* Forgets the log, the faults not met yet and a set token lifetime. */
void          cisco_sandbox_reset_log   (CiscoSandbox *self);

G_END_DECLS
