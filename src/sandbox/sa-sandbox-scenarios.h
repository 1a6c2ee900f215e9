/* sa-sandbox-scenarios.h — training scenarios: the scenario files (data,
 * loaded and checked by sa-sandbox-scenario-files.c), each trainee's
 * progress through them (sa-sandbox-scenarios.c) and the class as a
 * trainer sees it (sa-sandbox-class.c)
 *
 * A scenario file is a GKeyFile with one group, [Scenario] (see
 * data/scenarios/README.md): its translatable keys Name, Goal, Praise and
 * Documents (extracted by xgettext as a .desktop file), the procedure it
 * trains, an optional Setup (SQL run on the trainee's fresh training data)
 * and Check (one read-only SELECT over the trainee's data: the goal is
 * reached when its first column of its first row is true). In both, ?1 is
 * the trainee's tenant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "sa-sandbox-server.h"

G_BEGIN_DECLS

#define SA_SANDBOX_SCENARIOS_RESOURCE "/io/github/sadesk/SmartAccountDesk/sandbox/scenarios"

/**
 * SaSandboxScenario:
 * @id: the scenario's id: 1 to 48 lower-case ASCII letters, digits and '-'
 * @name: its title, English (a msgid of the app's catalogue)
 * @goal: what the trainee must reach, English
 * @praise: what was done well, shown once completed, English
 * @documents: what Cisco's documents say about it, English
 * @keyfile: the file, for its own translations (`Name[fr]=`, which a
 *   trainer's file may carry: sa_sandbox_scenario_get_text())
 * @procedure: the documented procedure it trains, 1 to 4 (ARCHITECTURE.md)
 * @position: its place in the list
 * @connection: "training" or "cisco-practice": the connection it is meant for
 * @setup: (nullable): SQL statements, each with ?1
 * @check: the goal's SELECT, with ?1
 * @file: the file it came from, for messages
 */
typedef struct
{
  char       *id;
  char       *name;
  char       *goal;
  char       *praise;
  char       *documents;
  GKeyFile   *keyfile;
  int         procedure;
  int         position;
  char       *connection;
  char       *setup;
  char       *check;
  char       *file;
} SaSandboxScenario;

void               sa_sandbox_scenario_free        (SaSandboxScenario        *scenario);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaSandboxScenario, sa_sandbox_scenario_free)

SaSandboxScenario *sa_sandbox_scenario_parse       (const char               *file,
                                                    GBytes                   *bytes,
                                                    GError                  **error);
gboolean           sa_sandbox_scenario_check_sql   (const SaSandboxScenario  *scenario,
                                                    sqlite3                  *db,
                                                    GError                  **error);
gboolean           sa_sandbox_scenario_run_setup   (sqlite3                  *db,
                                                    const SaSandboxScenario  *scenario,
                                                    const char               *tenant,
                                                    GError                  **error);
gboolean           sa_sandbox_scenario_goal_reached (sqlite3                 *db,
                                                     const SaSandboxScenario *scenario,
                                                     const char              *tenant,
                                                     gboolean                *reached,
                                                     GError                 **error);
const char        *sa_sandbox_scenario_get_text    (const SaSandboxScenario  *scenario,
                                                    const char               *key,
                                                    const char               *lang);
GPtrArray         *sa_sandbox_scenarios_load       (const char               *data_dir,
                                                    GError                  **error);
const SaSandboxScenario *sa_sandbox_scenarios_find (GPtrArray                *scenarios,
                                                    const char               *id);

gboolean           sa_sandbox_scenarios_create_tables (sqlite3               *db,
                                                       GError               **error);
gboolean           sa_sandbox_scenario_start       (sqlite3                  *db,
                                                    const SaSandboxScenario  *scenario,
                                                    const char               *username,
                                                    const char               *tenant,
                                                    GError                  **error);
gboolean           sa_sandbox_scenarios_settle     (sqlite3                  *db,
                                                    GPtrArray                *scenarios,
                                                    const char               *username,
                                                    const char               *tenant,
                                                    GError                  **error);
void               sa_sandbox_scenarios_add_progress (JsonBuilder            *builder,
                                                      sqlite3                *db,
                                                      GPtrArray              *scenarios,
                                                      const char             *username,
                                                      const char             *lang,
                                                      gboolean                full);
JsonNode          *sa_sandbox_class_progress       (sqlite3                  *db,
                                                    const char               *data_dir,
                                                    GError                  **error);
gboolean           sa_sandbox_class_reset          (sqlite3                  *db,
                                                    const char               *data_dir,
                                                    const char               *scenario_id,
                                                    const char               *username,
                                                    GError                  **error);
gboolean           sa_sandbox_set_trainer          (sqlite3                  *db,
                                                    const char               *username,
                                                    gboolean                  is_trainer,
                                                    GError                  **error);
gboolean           sa_sandbox_user_is_trainer      (sqlite3                  *db,
                                                    const char               *username,
                                                    gboolean                 *is_trainer,
                                                    GError                  **error);

/* The trainer's commands (sa-sandbox-trainees.c) */
gboolean           sa_sandbox_server_set_trainer   (SaSandboxServer          *self,
                                                    const char               *name,
                                                    GError                  **error);
JsonNode          *sa_sandbox_server_dup_progress  (SaSandboxServer          *self,
                                                    GError                  **error);
gboolean           sa_sandbox_server_start_scenario (SaSandboxServer         *self,
                                                     const char              *scenario_id,
                                                     const char              *name,
                                                     GError                 **error);

G_END_DECLS
