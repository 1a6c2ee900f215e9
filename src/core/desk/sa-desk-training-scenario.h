/* sa-desk-training-scenario.h — what the sandbox says about training: a
 * training scenario with one user's progress (SaTrainingScenario) and one
 * user's progress as the trainer sees it (SaTraineeProgress)
 *
 * Read-only objects built from the Desk API's answers (docs/desk-api.md,
 * "Training scenarios", "The class"). The scenario's texts come in English
 * from the sandbox and are translated here with the app's catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SaScenarioStatus:
 * @SA_SCENARIO_NOT_STARTED: never started by this user
 * @SA_SCENARIO_STARTED: started (last attempt), goal not reached yet
 * @SA_SCENARIO_COMPLETED: the goal was reached on the server's state
 */
typedef enum
{
  SA_SCENARIO_NOT_STARTED,
  SA_SCENARIO_STARTED,
  SA_SCENARIO_COMPLETED,
} SaScenarioStatus;

#define SA_TYPE_TRAINING_SCENARIO (sa_training_scenario_get_type ())
G_DECLARE_FINAL_TYPE (SaTrainingScenario, sa_training_scenario, SA, TRAINING_SCENARIO, GObject)

const char       *sa_training_scenario_get_id           (SaTrainingScenario *self);
const char       *sa_training_scenario_get_name         (SaTrainingScenario *self);
const char       *sa_training_scenario_get_goal         (SaTrainingScenario *self);
const char       *sa_training_scenario_get_praise       (SaTrainingScenario *self);
const char       *sa_training_scenario_get_documents    (SaTrainingScenario *self);
gboolean          sa_training_scenario_is_cisco_practice (SaTrainingScenario *self);
guint             sa_training_scenario_get_procedure    (SaTrainingScenario *self);
SaScenarioStatus  sa_training_scenario_get_status       (SaTrainingScenario *self);
gboolean          sa_training_scenario_is_current       (SaTrainingScenario *self);
guint             sa_training_scenario_get_attempts     (SaTrainingScenario *self);
GDateTime        *sa_training_scenario_get_started_at   (SaTrainingScenario *self);
GDateTime        *sa_training_scenario_get_completed_at (SaTrainingScenario *self);

#define SA_TYPE_TRAINEE_PROGRESS (sa_trainee_progress_get_type ())
G_DECLARE_FINAL_TYPE (SaTraineeProgress, sa_trainee_progress, SA, TRAINEE_PROGRESS, GObject)

const char       *sa_trainee_progress_get_username      (SaTraineeProgress *self);
gboolean          sa_trainee_progress_is_trainer        (SaTraineeProgress *self);
guint             sa_trainee_progress_get_completed     (SaTraineeProgress *self);
GListModel       *sa_trainee_progress_get_scenarios     (SaTraineeProgress *self);
SaTrainingScenario *sa_trainee_progress_get_current     (SaTraineeProgress *self);

G_END_DECLS
