/* sa-virtual-account.h — a Virtual Account of a Smart Account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SA_TYPE_VIRTUAL_ACCOUNT (sa_virtual_account_get_type ())
G_DECLARE_FINAL_TYPE (SaVirtualAccount, sa_virtual_account, SA, VIRTUAL_ACCOUNT, GObject)

/* Properties: "name", "description" (strings, UTF-8, any script), "is-default". */
SaVirtualAccount *sa_virtual_account_new            (const char       *name,
                                                     gboolean          is_default,
                                                     const char       *description);
const char       *sa_virtual_account_get_name       (SaVirtualAccount *self);
const char       *sa_virtual_account_get_description (SaVirtualAccount *self);
gboolean          sa_virtual_account_get_is_default (SaVirtualAccount *self);

G_END_DECLS
