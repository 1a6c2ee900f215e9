/* sa-scenarios-view.c — the Training Scenarios view (issue 14): the list
 * of exercises with the trainee's progress, Start / Restart, the current
 * exercise's goal, and — once the server finds the goal reached on the
 * trainee's data — "Completed", what was done well and what the documents
 * say
 *
 * The server checks the goal whenever the progress is read, so the view
 * reads it again every few seconds while it is shown, and when it is shown
 * again; while the trainee works in another view, the window has it read
 * again with the practice clock (sa_scenarios_view_get_in_progress()). A
 * completion is announced with a toast, whichever view is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-accessible-names.h"

#include <glib/gi18n.h>

#include "sa-scenarios-view.h"
#include "sa-training-poll.h"
#include "sa-ui-util.h"

#define POLL_SECONDS 3

struct _SaScenariosView
{
  AdwBin              parent_instance;

  SaDeskClient       *client;
  GListModel         *scenarios;
  GCancellable       *cancellable;
  gboolean            loading;
  char               *completed_id;  /* the current one, seen completed */

  GtkWidget          *current_group;
  GtkLabel           *current_title;
  GtkLabel           *current_goal;
  GtkWidget          *current_hint;
  GtkWidget          *completed_box;
  GtkLabel           *completed_label;
  GtkLabel           *praise_label;
  GtkLabel           *documents_label;
  GtkWidget          *restart_button;
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (SaScenariosView, sa_scenarios_view, ADW_TYPE_BIN)

static SaTrainingScenario *
find_current (SaScenariosView *self)
{
  guint i;

  for (i = 0; self->scenarios != NULL && i < g_list_model_get_n_items (self->scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (self->scenarios, i);

      if (sa_training_scenario_is_current (s))
        return s; /* the model keeps it */
    }

  return NULL;
}

static char *
dup_status (SaTrainingScenario *s)
{
  g_autofree char *when = NULL;

  switch (sa_training_scenario_get_status (s))
    {
    case SA_SCENARIO_COMPLETED:
      when = sa_ui_format_date_time (sa_training_scenario_get_completed_at (s));
      /* Translators: a training exercise's state; %s is a date and time */
      return g_strdup_printf (_("Completed on %s"), when);
    case SA_SCENARIO_STARTED:
      /* Translators: a training exercise's state; %u is how many times it was started */
      return g_strdup_printf (ngettext ("Started · %u attempt", "Started · %u attempts",
                                        sa_training_scenario_get_attempts (s)),
                              sa_training_scenario_get_attempts (s));
    case SA_SCENARIO_NOT_STARTED:
    default:
      return g_strdup (_("Not started"));
    }
}

static void
start_clicked (GtkButton       *button,
               SaScenariosView *self)
{
  sa_scenarios_view_start (self, g_object_get_data (G_OBJECT (button), "scenario-id"));
}

static GtkWidget *
create_row (SaScenariosView    *self,
            SaTrainingScenario *s)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *status = dup_status (s);
  g_autofree char *subtitle = NULL;
  g_autofree char *name = g_strconcat ("start-", sa_training_scenario_get_id (s), NULL);

  if (sa_training_scenario_is_cisco_practice (s))
    /* Translators: %s is an exercise's state; the exercise uses the Cisco (practice) connection */
    subtitle = g_strdup_printf (_("%s · with the Cisco (practice) connection"), status);
  else
    subtitle = g_steal_pointer (&status);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sa_training_scenario_get_name (s));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (sa_training_scenario_get_status (s) == SA_SCENARIO_COMPLETED)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));

  button = gtk_button_new_with_mnemonic (sa_training_scenario_get_status (s) == SA_SCENARIO_NOT_STARTED
                                         ? _("_Start") : _("_Restart"));
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "scenario-id", g_strdup (sa_training_scenario_get_id (s)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (start_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  sa_accessible_names_follow (button);

  return row;
}

static void
show (SaScenariosView *self)
{
  SaTrainingScenario *current = find_current (self);
  GtkWidget *child;
  guint i;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (i = 0; self->scenarios != NULL && i < g_list_model_get_n_items (self->scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (self->scenarios, i);

      gtk_list_box_append (self->list_box, create_row (self, s));
    }

  gtk_widget_set_visible (self->current_group, current != NULL);
  if (current == NULL)
    return;

  gtk_label_set_text (self->current_title, sa_training_scenario_get_name (current));
  gtk_label_set_text (self->current_goal, sa_training_scenario_get_goal (current));
  if (sa_training_scenario_get_status (current) == SA_SCENARIO_COMPLETED)
    {
      g_autofree char *when = sa_ui_format_date_time (sa_training_scenario_get_completed_at (current));
      g_autofree char *done = g_strdup_printf (_("Completed on %s"), when);

      gtk_label_set_text (self->completed_label, done);
      gtk_label_set_text (self->praise_label, sa_training_scenario_get_praise (current));
      gtk_label_set_text (self->documents_label, sa_training_scenario_get_documents (current));
    }
  gtk_widget_set_visible (self->completed_box, sa_training_scenario_get_status (current) == SA_SCENARIO_COMPLETED);
  gtk_widget_set_visible (self->current_hint, sa_training_scenario_get_status (current) != SA_SCENARIO_COMPLETED);
}

/* Announces the current exercise's completion, once. */
static void
notice_completion (SaScenariosView *self)
{
  SaTrainingScenario *current = find_current (self);
  g_autofree char *toast = NULL;

  if (current == NULL || sa_training_scenario_get_status (current) != SA_SCENARIO_COMPLETED)
    {
      g_clear_pointer (&self->completed_id, g_free);
      return;
    }
  if (g_strcmp0 (self->completed_id, sa_training_scenario_get_id (current)) == 0)
    return;
  g_free (self->completed_id);
  self->completed_id = g_strdup (sa_training_scenario_get_id (current));
  /* Translators: a toast; %s is a training exercise's name */
  toast = g_strdup_printf (_("Exercise completed: %s"), sa_training_scenario_get_name (current));
  sa_ui_show_toast (GTK_WIDGET (self), toast);
}

/* Whether @a and @b show the same: then the rows stay (and the keyboard
 * focus with them, and what a screen reader was reading). */
static gboolean
same_scenarios (GListModel *a,
                GListModel *b)
{
  guint i;

  if (a == NULL || b == NULL || g_list_model_get_n_items (a) != g_list_model_get_n_items (b))
    return FALSE;
  for (i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (a, i);
      g_autoptr(SaTrainingScenario) t = g_list_model_get_item (b, i);

      if (g_strcmp0 (sa_training_scenario_get_id (s), sa_training_scenario_get_id (t)) != 0 ||
          g_strcmp0 (sa_training_scenario_get_name (s), sa_training_scenario_get_name (t)) != 0 ||
          sa_training_scenario_get_status (s) != sa_training_scenario_get_status (t) ||
          sa_training_scenario_get_attempts (s) != sa_training_scenario_get_attempts (t) ||
          sa_training_scenario_is_current (s) != sa_training_scenario_is_current (t))
        return FALSE;
    }

  return TRUE;
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaScenariosView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) scenarios = sa_desk_client_sandbox_list_scenarios_finish (SA_DESK_CLIENT (source),
                                                                                  result, &error);
  gboolean first;

  self->loading = FALSE;
  if (scenarios == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Training scenarios not read: %s", error->message);
      return;
    }
  first = self->scenarios == NULL;
  if (same_scenarios (self->scenarios, scenarios))
    return;
  g_set_object (&self->scenarios, scenarios);
  show (self);
  if (first)
    {
      /* completed before this view looked: shown, not announced */
      SaTrainingScenario *current = find_current (self);

      if (current != NULL && sa_training_scenario_get_status (current) == SA_SCENARIO_COMPLETED)
        self->completed_id = g_strdup (sa_training_scenario_get_id (current));
    }
  else
    notice_completion (self); /* in a toast of the window, wherever the trainee is */
}

/**
 * sa_scenarios_view_refresh:
 * @self: a #SaScenariosView
 *
 * Reads the scenarios and the trainee's progress again (the server checks
 * the current goal then); does nothing while a read runs.
 */
void
sa_scenarios_view_refresh (SaScenariosView *self)
{
  g_return_if_fail (SA_IS_SCENARIOS_VIEW (self));

  if (self->client == NULL || self->loading)
    return;
  self->loading = TRUE;
  sa_desk_client_sandbox_list_scenarios_async (self->client, self->cancellable, list_cb, g_object_ref (self));
}

static void
start_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SaScenariosView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaTrainingScenario) started = NULL;

  started = sa_desk_client_sandbox_start_scenario_finish (SA_DESK_CLIENT (source), result, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), TRUE);
  gtk_widget_set_sensitive (self->restart_button, TRUE);
  if (started == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = sa_error_dup_user_message (error);
      sa_ui_show_toast (GTK_WIDGET (self), message);
      return;
    }
  {
    /* Translators: a toast; %s is a training exercise's name */
    g_autofree char *toast = g_strdup_printf (_("Exercise started: %s"), sa_training_scenario_get_name (started));

    sa_ui_show_toast (GTK_WIDGET (self), toast);
  }
  /* the other views show the practice data as it is now */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.training-data-changed", NULL);
  self->loading = FALSE;
  sa_scenarios_view_refresh (self);
}

/**
 * sa_scenarios_view_start:
 * @self: a #SaScenariosView
 * @scenario_id: the exercise to start (or restart)
 *
 * Starts an exercise: the trainee's practice data is put in its starting
 * state on the server, and the view shows its goal.
 */
void
sa_scenarios_view_start (SaScenariosView *self,
                         const char      *scenario_id)
{
  g_return_if_fail (SA_IS_SCENARIOS_VIEW (self));

  if (self->client == NULL || scenario_id == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), FALSE);
  gtk_widget_set_sensitive (self->restart_button, FALSE);
  sa_desk_client_sandbox_start_scenario_async (self->client, scenario_id, self->cancellable,
                                               start_cb, g_object_ref (self));
}

static void
restart_clicked (SaScenariosView *self)
{
  SaTrainingScenario *current = find_current (self);

  if (current != NULL)
    sa_scenarios_view_start (self, sa_training_scenario_get_id (current));
}

static void
poll_refresh (gpointer widget)
{
  sa_scenarios_view_refresh (widget);
}

static void
sa_scenarios_view_dispose (GObject *object)
{
  SaScenariosView *self = SA_SCENARIOS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->scenarios);
  g_clear_pointer (&self->completed_id, g_free);

  G_OBJECT_CLASS (sa_scenarios_view_parent_class)->dispose (object);
}

static void
sa_scenarios_view_class_init (SaScenariosViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_scenarios_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sadesk/SmartAccountDesk/training/sa-scenarios-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, current_group);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, current_title);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, current_goal);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, current_hint);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, completed_box);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, completed_label);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, praise_label);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, documents_label);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, restart_button);
  gtk_widget_class_bind_template_child (widget_class, SaScenariosView, list_box);
  gtk_widget_class_bind_template_callback (widget_class, restart_clicked);
}

static void
sa_scenarios_view_init (SaScenariosView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* read again every few seconds while shown, and when shown again */
  sa_training_poll_attach (GTK_WIDGET (self), POLL_SECONDS, poll_refresh);
}

/**
 * sa_scenarios_view_set_client:
 * @self: a #SaScenariosView
 * @client: (nullable): the client of a sandbox back office (training or
 *   classroom), or %NULL
 *
 * Shows the exercises of @client's sandbox and the user's progress.
 */
void
sa_scenarios_view_set_client (SaScenariosView *self,
                              SaDeskClient    *client)
{
  g_return_if_fail (SA_IS_SCENARIOS_VIEW (self));
  g_return_if_fail (client == NULL || SA_IS_DESK_CLIENT (client));

  sa_ui_renew_cancellable (&self->cancellable);
  self->loading = FALSE;
  g_set_object (&self->client, client);
  g_clear_object (&self->scenarios);
  g_clear_pointer (&self->completed_id, g_free);
  show (self);
  sa_scenarios_view_refresh (self);
}

/**
 * sa_scenarios_view_is_loaded:
 * @self: a #SaScenariosView
 *
 * Returns: whether the exercises were read and no read runs (for tests)
 */
gboolean
sa_scenarios_view_is_loaded (SaScenariosView *self)
{
  g_return_val_if_fail (SA_IS_SCENARIOS_VIEW (self), FALSE);
  return self->scenarios != NULL && !self->loading;
}

/**
 * sa_scenarios_view_get_scenarios:
 * @self: a #SaScenariosView
 *
 * Returns: (transfer none) (nullable): the #SaTrainingScenario items last
 *   read
 */
GListModel *
sa_scenarios_view_get_scenarios (SaScenariosView *self)
{
  g_return_val_if_fail (SA_IS_SCENARIOS_VIEW (self), NULL);
  return self->scenarios;
}

/**
 * sa_scenarios_view_get_in_progress:
 * @self: a #SaScenariosView
 *
 * Returns: whether an exercise is current and not yet completed, as last
 *   read (its goal may be reached any moment)
 */
gboolean
sa_scenarios_view_get_in_progress (SaScenariosView *self)
{
  SaTrainingScenario *current;

  g_return_val_if_fail (SA_IS_SCENARIOS_VIEW (self), FALSE);

  current = find_current (self);
  return current != NULL && sa_training_scenario_get_status (current) == SA_SCENARIO_STARTED;
}
