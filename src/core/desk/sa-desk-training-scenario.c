/* sa-desk-training-scenario.c — a training scenario with a user's progress,
 * and a trainee's progress as the trainer sees it, from the Desk API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sa-desk-training-private.h"
#include "sa-error.h"
#include "sa-json-private.h"

struct _SaTrainingScenario
{
  GObject           parent_instance;

  char             *id;
  char             *name;
  char             *goal;
  char             *praise;
  char             *documents;
  gboolean          cisco_practice;
  guint             procedure;
  SaScenarioStatus  status;
  gboolean          current;
  guint             attempts;
  GDateTime        *started_at;
  GDateTime        *completed_at;
};

G_DEFINE_FINAL_TYPE (SaTrainingScenario, sa_training_scenario, G_TYPE_OBJECT)

static void
sa_training_scenario_finalize (GObject *object)
{
  SaTrainingScenario *self = SA_TRAINING_SCENARIO (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->goal);
  g_free (self->praise);
  g_free (self->documents);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->completed_at, g_date_time_unref);

  G_OBJECT_CLASS (sa_training_scenario_parent_class)->finalize (object);
}

static void
sa_training_scenario_class_init (SaTrainingScenarioClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_training_scenario_finalize;
}

static void
sa_training_scenario_init (SaTrainingScenario *self)
{
}

/* The English text of @member, translated by the app's catalogue (the
 * built-in scenarios' texts are in po/); a trainer's own text stays as is. */
static gboolean
read_text (JsonObject  *object,
           const char  *member,
           gboolean     required,
           char       **out,
           GError     **error)
{
  const char *text = NULL;

  if (!sa_json_read_string (object, "scenario", member, required, &text, error))
    return FALSE;
  *out = text != NULL && *text != '\0' ? g_strdup (g_dgettext (GETTEXT_PACKAGE, text)) : NULL;

  return TRUE;
}

/**
 * sa_training_scenario_new_from_json:
 * @object: a Scenario of the Desk API (docs/desk-api.md, "Training
 *   scenarios"); in the class's answer, without its texts but its name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the scenario; %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE
 */
SaTrainingScenario *
sa_training_scenario_new_from_json (JsonObject  *object,
                                    GError     **error)
{
  g_autoptr(SaTrainingScenario) self = g_object_new (SA_TYPE_TRAINING_SCENARIO, NULL);
  const char *id = NULL, *status = NULL, *connection = NULL;
  gint64 procedure = 1, attempts = 0;

  if (!sa_json_read_string (object, "scenario", "id", TRUE, &id, error) ||
      !read_text (object, "name", TRUE, &self->name, error) ||
      !read_text (object, "goal", FALSE, &self->goal, error) ||
      !read_text (object, "praise", FALSE, &self->praise, error) ||
      !read_text (object, "documents", FALSE, &self->documents, error) ||
      !sa_json_read_string (object, "scenario", "connection", FALSE, &connection, error) ||
      !sa_json_read_int (object, "scenario", "procedure", FALSE, 1, &procedure, error) ||
      !sa_json_read_string (object, "scenario", "status", TRUE, &status, error) ||
      !sa_json_read_boolean (object, "scenario", "current", FALSE, FALSE, &self->current, error) ||
      !sa_json_read_int (object, "scenario", "attempts", FALSE, 0, &attempts, error) ||
      !sa_json_read_date (object, "scenario", "startedAt", FALSE, &self->started_at, error) ||
      !sa_json_read_date (object, "scenario", "completedAt", FALSE, &self->completed_at, error))
    return NULL;

  if (g_strcmp0 (status, "NOT_STARTED") == 0)
    self->status = SA_SCENARIO_NOT_STARTED;
  else if (g_strcmp0 (status, "STARTED") == 0)
    self->status = SA_SCENARIO_STARTED;
  else if (g_strcmp0 (status, "COMPLETED") == 0)
    self->status = SA_SCENARIO_COMPLETED;
  else
    {
      sa_json_fail_value ("scenario", "status", error);
      return NULL;
    }
  if (procedure < 1 || procedure > 4 || attempts < 0 || attempts > G_MAXINT)
    {
      sa_json_fail_value ("scenario", procedure < 1 || procedure > 4 ? "procedure" : "attempts", error);
      return NULL;
    }

  self->id = g_strdup (id);
  self->cisco_practice = g_strcmp0 (connection, "cisco-practice") == 0;
  self->procedure = (guint) procedure;
  self->attempts = (guint) attempts;

  return g_steal_pointer (&self);
}

/**
 * sa_training_scenario_get_id:
 * @self: a #SaTrainingScenario
 *
 * Returns: (transfer none): its id ("assign-new-order"), for starting it
 */
const char *
sa_training_scenario_get_id (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), NULL);
  return self->id;
}

/**
 * sa_training_scenario_get_name:
 * @self: a #SaTrainingScenario
 *
 * Returns: (transfer none): its title, in the UI language
 */
const char *
sa_training_scenario_get_name (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), NULL);
  return self->name;
}

/**
 * sa_training_scenario_get_goal:
 * @self: a #SaTrainingScenario
 *
 * Returns: (transfer none) (nullable): what the trainee must reach, in the
 *   UI language; %NULL in the class's list
 */
const char *
sa_training_scenario_get_goal (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), NULL);
  return self->goal;
}

/**
 * sa_training_scenario_get_praise:
 * @self: a #SaTrainingScenario
 *
 * Returns: (transfer none) (nullable): what was done well, shown once
 *   completed, in the UI language
 */
const char *
sa_training_scenario_get_praise (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), NULL);
  return self->praise;
}

/**
 * sa_training_scenario_get_documents:
 * @self: a #SaTrainingScenario
 *
 * Returns: (transfer none) (nullable): what Cisco's documents say about it,
 *   in the UI language
 */
const char *
sa_training_scenario_get_documents (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), NULL);
  return self->documents;
}

/**
 * sa_training_scenario_is_cisco_practice:
 * @self: a #SaTrainingScenario
 *
 * Returns: whether it is meant for the Cisco (practice) connection
 */
gboolean
sa_training_scenario_is_cisco_practice (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), FALSE);
  return self->cisco_practice;
}

/**
 * sa_training_scenario_get_procedure:
 * @self: a #SaTrainingScenario
 *
 * Returns: the documented procedure it trains, 1 to 4 (ARCHITECTURE.md)
 */
guint
sa_training_scenario_get_procedure (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), 1);
  return self->procedure;
}

/**
 * sa_training_scenario_get_status:
 * @self: a #SaTrainingScenario
 *
 * Returns: where the user stands, as the server checked it
 */
SaScenarioStatus
sa_training_scenario_get_status (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), SA_SCENARIO_NOT_STARTED);
  return self->status;
}

/**
 * sa_training_scenario_is_current:
 * @self: a #SaTrainingScenario
 *
 * Returns: whether it is the one the user works on (the last started)
 */
gboolean
sa_training_scenario_is_current (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), FALSE);
  return self->current;
}

/**
 * sa_training_scenario_get_attempts:
 * @self: a #SaTrainingScenario
 *
 * Returns: how many times the user started it
 */
guint
sa_training_scenario_get_attempts (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), 0);
  return self->attempts;
}

/**
 * sa_training_scenario_get_started_at:
 * @self: a #SaTrainingScenario
 *
 * Returns: (transfer none) (nullable): when the last attempt started (UTC,
 *   real time)
 */
GDateTime *
sa_training_scenario_get_started_at (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), NULL);
  return self->started_at;
}

/**
 * sa_training_scenario_get_completed_at:
 * @self: a #SaTrainingScenario
 *
 * Returns: (transfer none) (nullable): when the goal was reached (UTC, real
 *   time), or %NULL
 */
GDateTime *
sa_training_scenario_get_completed_at (SaTrainingScenario *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_SCENARIO (self), NULL);
  return self->completed_at;
}

/* ------------------------------------------------------------------------ */

struct _SaTraineeProgress
{
  GObject     parent_instance;

  char       *username;
  gboolean    trainer;
  guint       completed;
  GListStore *scenarios;
};

G_DEFINE_FINAL_TYPE (SaTraineeProgress, sa_trainee_progress, G_TYPE_OBJECT)

static void
sa_trainee_progress_finalize (GObject *object)
{
  SaTraineeProgress *self = SA_TRAINEE_PROGRESS (object);

  g_free (self->username);
  g_clear_object (&self->scenarios);

  G_OBJECT_CLASS (sa_trainee_progress_parent_class)->finalize (object);
}

static void
sa_trainee_progress_class_init (SaTraineeProgressClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_trainee_progress_finalize;
}

static void
sa_trainee_progress_init (SaTraineeProgress *self)
{
  self->scenarios = g_list_store_new (SA_TYPE_TRAINING_SCENARIO);
}

/**
 * sa_trainee_progress_new_from_json:
 * @object: one item of the `trainees` of GET /sandbox/class
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the trainee's progress; %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE
 */
SaTraineeProgress *
sa_trainee_progress_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(SaTraineeProgress) self = g_object_new (SA_TYPE_TRAINEE_PROGRESS, NULL);
  const char *username = NULL;
  JsonArray *scenarios = NULL;
  gint64 completed = 0;
  guint i;

  if (!sa_json_read_string (object, "trainee", "username", TRUE, &username, error) ||
      !sa_json_read_boolean (object, "trainee", "trainer", FALSE, FALSE, &self->trainer, error) ||
      !sa_json_read_int (object, "trainee", "completed", FALSE, 0, &completed, error) ||
      !sa_json_read_array (object, "trainee", "scenarios", &scenarios, error))
    return NULL;
  if (completed < 0 || completed > G_MAXINT)
    {
      sa_json_fail_value ("trainee", "completed", error);
      return NULL;
    }

  for (i = 0; i < json_array_get_length (scenarios); i++)
    {
      JsonNode *node = json_array_get_element (scenarios, i);
      g_autoptr(SaTrainingScenario) scenario = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sa_json_fail_value ("trainee", "scenarios", error);
          return NULL;
        }
      scenario = sa_training_scenario_new_from_json (json_node_get_object (node), error);
      if (scenario == NULL)
        return NULL;
      g_list_store_append (self->scenarios, scenario);
    }
  self->username = g_strdup (username);
  self->completed = (guint) completed;

  return g_steal_pointer (&self);
}

/**
 * sa_trainee_progress_get_username:
 * @self: a #SaTraineeProgress
 *
 * Returns: (transfer none): the trainee's user name
 */
const char *
sa_trainee_progress_get_username (SaTraineeProgress *self)
{
  g_return_val_if_fail (SA_IS_TRAINEE_PROGRESS (self), NULL);
  return self->username;
}

/**
 * sa_trainee_progress_is_trainer:
 * @self: a #SaTraineeProgress
 *
 * Returns: whether this user is a trainer
 */
gboolean
sa_trainee_progress_is_trainer (SaTraineeProgress *self)
{
  g_return_val_if_fail (SA_IS_TRAINEE_PROGRESS (self), FALSE);
  return self->trainer;
}

/**
 * sa_trainee_progress_get_completed:
 * @self: a #SaTraineeProgress
 *
 * Returns: how many scenarios the trainee completed
 */
guint
sa_trainee_progress_get_completed (SaTraineeProgress *self)
{
  g_return_val_if_fail (SA_IS_TRAINEE_PROGRESS (self), 0);
  return self->completed;
}

/**
 * sa_trainee_progress_get_scenarios:
 * @self: a #SaTraineeProgress
 *
 * Returns: (transfer none): the #SaTrainingScenario of every scenario, with
 *   this trainee's progress (names only, no goal)
 */
GListModel *
sa_trainee_progress_get_scenarios (SaTraineeProgress *self)
{
  g_return_val_if_fail (SA_IS_TRAINEE_PROGRESS (self), NULL);
  return G_LIST_MODEL (self->scenarios);
}

/**
 * sa_trainee_progress_get_current:
 * @self: a #SaTraineeProgress
 *
 * Returns: (transfer none) (nullable): the scenario the trainee works on,
 *   or %NULL when they started none
 */
SaTrainingScenario *
sa_trainee_progress_get_current (SaTraineeProgress *self)
{
  guint i;

  g_return_val_if_fail (SA_IS_TRAINEE_PROGRESS (self), NULL);

  for (i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->scenarios)); i++)
    {
      g_autoptr(SaTrainingScenario) scenario = g_list_model_get_item (G_LIST_MODEL (self->scenarios), i);

      if (scenario->current)
        return scenario; /* the store keeps it */
    }

  return NULL;
}
