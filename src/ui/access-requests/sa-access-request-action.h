/* sa-access-request-action.h — app.request-access, with or without a domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SA_TYPE_ACCESS_REQUEST_ACTION (sa_access_request_action_get_type ())
G_DECLARE_FINAL_TYPE (SaAccessRequestAction, sa_access_request_action, SA, ACCESS_REQUEST_ACTION, GObject)

/* Called with the domain to prefill, or NULL. */
typedef void (*SaAccessRequestActionFunc) (const char *domain,
                                           gpointer    user_data);

GAction *sa_access_request_action_new (const char                *name,
                                       SaAccessRequestActionFunc  func,
                                       gpointer                   user_data);

G_END_DECLS
