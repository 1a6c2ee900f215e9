/* sa-desk-training-private.h — the training objects from the Desk API's
 * answers (core only: sa-desk-training.c builds them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sa-desk-training-scenario.h"

G_BEGIN_DECLS

SaTrainingScenario *sa_training_scenario_new_from_json (JsonObject  *object,
                                                        GError     **error);
SaTraineeProgress  *sa_trainee_progress_new_from_json  (JsonObject  *object,
                                                        GError     **error);

G_END_DECLS
