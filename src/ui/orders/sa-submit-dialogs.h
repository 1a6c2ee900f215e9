/* sa-submit-dialogs.h — what Submit opens on the order page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

AdwMessageDialog *sa_submit_change_dialog_new (GtkWindow    *parent,
                                               SaOrder      *order,
                                               SaAssignment *end_customer,
                                               SaAssignment *holding);
GtkWindow        *sa_submit_dialog_new        (GtkWidget    *page,
                                               SaClient     *client,
                                               SaOrder      *order,
                                               SaAssignment *end_customer,
                                               SaAssignment *holding);

G_END_DECLS
