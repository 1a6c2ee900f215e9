/* sa-http-session-private.h — the one HTTP session set-up of core's back ends
 * (desk/sa-desk-client.c, cisco/sa-cisco-api.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

SoupSession *sa_http_session_new (guint       timeout_s,
                                  gboolean    loopback,
                                  const char *log_domain);

G_END_DECLS
