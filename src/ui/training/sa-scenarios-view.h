/* sa-scenarios-view.h — the Training Scenarios view: the exercises, the
 * current one's goal, and what was done well once the server says it is
 * completed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_SCENARIOS_VIEW (sa_scenarios_view_get_type ())
G_DECLARE_FINAL_TYPE (SaScenariosView, sa_scenarios_view, SA, SCENARIOS_VIEW, AdwBin)

void        sa_scenarios_view_set_client (SaScenariosView *self,
                                          SaDeskClient    *client);
void        sa_scenarios_view_refresh    (SaScenariosView *self);
gboolean    sa_scenarios_view_is_loaded  (SaScenariosView *self);
void        sa_scenarios_view_start      (SaScenariosView *self,
                                          const char      *scenario_id);
GListModel *sa_scenarios_view_get_scenarios (SaScenariosView *self);
gboolean    sa_scenarios_view_get_in_progress (SaScenariosView *self);

G_END_DECLS
