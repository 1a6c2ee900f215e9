/* sa-sandbox-random.h — random secrets of the sandbox, from getrandom(2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  sa_sandbox_random_fill  (guint8  *buffer,
                                   gsize    length,
                                   GError **error);
char     *sa_sandbox_random_token (GError **error);

G_END_DECLS
