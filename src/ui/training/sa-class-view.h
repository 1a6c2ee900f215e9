/* sa-class-view.h — the Class view, for trainers: each trainee's progress
 * through the training scenarios, refreshed live, and a reset of one
 * trainee or the class to a scenario's start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_CLASS_VIEW (sa_class_view_get_type ())
G_DECLARE_FINAL_TYPE (SaClassView, sa_class_view, SA, CLASS_VIEW, AdwBin)

void        sa_class_view_set_client   (SaClassView  *self,
                                        SaDeskClient *client);
void        sa_class_view_refresh      (SaClassView  *self);
GListModel *sa_class_view_get_trainees (SaClassView  *self);

G_END_DECLS
