/* sa-credentials-private.h — what core's keyring schemas share (the sign-in's
 * in sa-credentials.c, the Cisco API application's in cisco/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-credentials.h"

G_BEGIN_DECLS

int sa_credentials_classify_error (const GError *error,
                                   GCancellable *cancellable);

G_END_DECLS
