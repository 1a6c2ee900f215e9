/* sa-desk-client.h — the Desk API back end: SaClient over libsoup 3, for the
 * training sandbox, a classroom server or a partner gateway
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-client.h"

G_BEGIN_DECLS

#define SA_TYPE_DESK_CLIENT (sa_desk_client_get_type ())
G_DECLARE_FINAL_TYPE (SaDeskClient, sa_desk_client, SA, DESK_CLIENT, SaClient)

/* Properties: "base-uri" (string, construct-only, e.g. "http://127.0.0.1:41234/"),
 * "timeout" (uint, seconds, default 30).
 *
 * One SoupSession per client, shared by all calls. Loopback URIs bypass any
 * proxy. The access token lives in memory only and is never logged. */
SaClient *sa_desk_client_new         (const char   *base_uri);
void      sa_desk_client_set_timeout (SaDeskClient *self,
                                      guint         seconds);
guint     sa_desk_client_get_timeout (SaDeskClient *self);

G_END_DECLS
