/* sa-class-view.c — the Class view (issue 14), shown to trainers only:
 * one expandable row a trainee (how many exercises completed, the current
 * one and its state; inside, each exercise started, its attempts and
 * dates), read again every few seconds while shown; "Reset…" puts one
 * trainee, "Reset the Class…" every trainee, at the start of an exercise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sa-class-view.h"
#include "sa-training-poll.h"
#include "sa-ui-util.h"

#define POLL_SECONDS 3

struct _SaClassView
{
  AdwBin        parent_instance;

  SaDeskClient *client;
  GListModel   *trainees;
  GCancellable *cancellable;
  gboolean      loading;

  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (SaClassView, sa_class_view, ADW_TYPE_BIN)

static void reset_dialog (SaClassView *self,
                          const char  *trainee);

static const char *
status_text (SaTrainingScenario *s)
{
  switch (sa_training_scenario_get_status (s))
    {
    case SA_SCENARIO_COMPLETED:
      return _("Completed");
    case SA_SCENARIO_STARTED:
      return _("In progress");
    case SA_SCENARIO_NOT_STARTED:
    default:
      return _("Not started");
    }
}

static void
reset_trainee_clicked (GtkButton   *button,
                       SaClassView *self)
{
  reset_dialog (self, g_object_get_data (G_OBJECT (button), "trainee"));
}

static GtkWidget *
create_row (SaClassView       *self,
            SaTraineeProgress *trainee)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *button;
  GListModel *scenarios = sa_trainee_progress_get_scenarios (trainee);
  SaTrainingScenario *current = sa_trainee_progress_get_current (trainee);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *done = NULL;
  guint i;

  if (sa_trainee_progress_is_trainer (trainee))
    /* Translators: a user name in the Class view, for a trainer */
    title = g_strdup_printf (_("%s (trainer)"), sa_trainee_progress_get_username (trainee));
  else
    title = g_strdup (sa_trainee_progress_get_username (trainee));
  /* Translators: in the Class view: "3 of 10 exercises completed" */
  done = g_strdup_printf (ngettext ("%u of %u exercise completed", "%u of %u exercises completed",
                                    g_list_model_get_n_items (scenarios)),
                          sa_trainee_progress_get_completed (trainee), g_list_model_get_n_items (scenarios));
  if (current != NULL)
    /* Translators: in the Class view: "3 of 10 exercises completed · now: <exercise> (In progress)" */
    subtitle = g_strdup_printf (_("%s · now: %s (%s)"), done, sa_training_scenario_get_name (current),
                                status_text (current));
  else
    subtitle = g_steal_pointer (&done);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_name (row, sa_trainee_progress_get_username (trainee));

  button = gtk_button_new_with_mnemonic (_("_Reset…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Put this trainee at the start of an exercise"));
  g_object_set_data_full (G_OBJECT (button), "trainee", g_strdup (sa_trainee_progress_get_username (trainee)),
                          g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (reset_trainee_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);

  for (i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (scenarios, i);
      g_autofree char *started = NULL;
      g_autofree char *line = NULL;
      GtkWidget *child;

      if (sa_training_scenario_get_attempts (s) == 0)
        continue;
      started = sa_ui_format_date_time (sa_training_scenario_get_started_at (s));
      if (sa_training_scenario_get_completed_at (s) != NULL)
        {
          g_autofree char *completed = sa_ui_format_date_time (sa_training_scenario_get_completed_at (s));

          /* Translators: one exercise in the Class view: state, attempts, when started, when completed */
          line = g_strdup_printf (ngettext ("%s · %u attempt · started %s · completed %s",
                                            "%s · %u attempts · started %s · completed %s",
                                            sa_training_scenario_get_attempts (s)),
                                  status_text (s), sa_training_scenario_get_attempts (s), started, completed);
        }
      else
        /* Translators: one exercise in the Class view: state, attempts, when started */
        line = g_strdup_printf (ngettext ("%s · %u attempt · started %s", "%s · %u attempts · started %s",
                                          sa_training_scenario_get_attempts (s)),
                                status_text (s), sa_training_scenario_get_attempts (s), started);
      child = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), sa_training_scenario_get_name (s));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child), line);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }

  return row;
}

static void
show (SaClassView *self)
{
  GtkWidget *child;
  guint i;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (i = 0; self->trainees != NULL && i < g_list_model_get_n_items (self->trainees); i++)
    {
      g_autoptr(SaTraineeProgress) trainee = g_list_model_get_item (self->trainees, i);

      gtk_list_box_append (self->list_box, create_row (self, trainee));
    }
}

/* Whether @a and @b show the same (so that an expanded row stays so). */
static gboolean
same_progress (GListModel *a,
               GListModel *b)
{
  guint i, j;

  if (a == NULL || b == NULL || g_list_model_get_n_items (a) != g_list_model_get_n_items (b))
    return FALSE;
  for (i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(SaTraineeProgress) x = g_list_model_get_item (a, i);
      g_autoptr(SaTraineeProgress) y = g_list_model_get_item (b, i);
      GListModel *xs = sa_trainee_progress_get_scenarios (x);
      GListModel *ys = sa_trainee_progress_get_scenarios (y);

      if (g_strcmp0 (sa_trainee_progress_get_username (x), sa_trainee_progress_get_username (y)) != 0 ||
          g_list_model_get_n_items (xs) != g_list_model_get_n_items (ys))
        return FALSE;
      for (j = 0; j < g_list_model_get_n_items (xs); j++)
        {
          g_autoptr(SaTrainingScenario) s = g_list_model_get_item (xs, j);
          g_autoptr(SaTrainingScenario) t = g_list_model_get_item (ys, j);

          if (sa_training_scenario_get_status (s) != sa_training_scenario_get_status (t) ||
              sa_training_scenario_get_attempts (s) != sa_training_scenario_get_attempts (t) ||
              sa_training_scenario_is_current (s) != sa_training_scenario_is_current (t))
            return FALSE;
        }
    }

  return TRUE;
}

static void
class_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SaClassView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trainees = sa_desk_client_sandbox_get_class_finish (SA_DESK_CLIENT (source), result,
                                                                            &error);

  self->loading = FALSE;
  if (trainees == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The class's progress not read: %s", error->message);
      return;
    }
  if (same_progress (self->trainees, trainees))
    return;
  g_set_object (&self->trainees, trainees);
  show (self);
}

/**
 * sa_class_view_refresh:
 * @self: a #SaClassView
 *
 * Reads the class's progress again (the server checks each trainee's
 * current goal then); does nothing while a read runs.
 */
void
sa_class_view_refresh (SaClassView *self)
{
  g_return_if_fail (SA_IS_CLASS_VIEW (self));

  if (self->client == NULL || self->loading)
    return;
  self->loading = TRUE;
  sa_desk_client_sandbox_get_class_async (self->client, self->cancellable, class_cb, g_object_ref (self));
}

static void
reset_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SaClassView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sa_desk_client_sandbox_reset_class_finish (SA_DESK_CLIENT (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = sa_error_dup_user_message (error);
      sa_ui_show_toast (GTK_WIDGET (self), message);
      return;
    }
  sa_ui_show_toast (GTK_WIDGET (self), _("Reset done"));
  /* the trainer's own data may be among those reset */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.training-data-changed", NULL);
  sa_class_view_refresh (self);
}

static void
reset_response (AdwMessageDialog *dialog,
                const char       *response,
                SaClassView      *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  const char *trainee = g_object_get_data (G_OBJECT (dialog), "trainee");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (g_strcmp0 (response, "reset") != 0 || self->client == NULL || selected >= ids->len)
    return;
  sa_desk_client_sandbox_reset_class_async (self->client, ids->pdata[selected], trainee, self->cancellable,
                                            reset_cb, g_object_ref (self));
}

/* Asks which exercise to put @trainee (NULL: the class) at the start of. */
static void
reset_dialog (SaClassView *self,
              const char  *trainee)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SaTraineeProgress) first = NULL;
  GtkWidget *dialog, *dropdown;
  GListModel *scenarios;
  guint i;

  if (self->trainees == NULL || g_list_model_get_n_items (self->trainees) == 0)
    return;
  first = g_list_model_get_item (self->trainees, 0);
  scenarios = sa_trainee_progress_get_scenarios (first);
  for (i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (scenarios, i);

      gtk_string_list_append (names, sa_training_scenario_get_name (s));
      g_ptr_array_add (ids, g_strdup (sa_training_scenario_get_id (s)));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   trainee != NULL ? _("Reset a Trainee") : _("Reset the Class"), NULL);
  if (trainee != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: %s is a trainee's user name */
                                    _("%s's practice data is put at the start of this exercise; their work in it so far is lost."),
                                    trainee);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Every trainee's practice data is put at the start of this exercise; their work in it so far is lost. Trainers are left alone."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ids", g_steal_pointer (&ids), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "trainee", g_strdup (trainee), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reset_class_clicked (SaClassView *self)
{
  reset_dialog (self, NULL);
}

static void
poll_refresh (gpointer widget)
{
  sa_class_view_refresh (widget);
}

static void
sa_class_view_dispose (GObject *object)
{
  SaClassView *self = SA_CLASS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->trainees);

  G_OBJECT_CLASS (sa_class_view_parent_class)->dispose (object);
}

static void
sa_class_view_class_init (SaClassViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_class_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sadesk/SmartAccountDesk/training/sa-class-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SaClassView, list_box);
  gtk_widget_class_bind_template_callback (widget_class, reset_class_clicked);
}

static void
sa_class_view_init (SaClassView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* read again every few seconds while shown, and when shown again */
  sa_training_poll_attach (GTK_WIDGET (self), POLL_SECONDS, poll_refresh);
}

/**
 * sa_class_view_set_client:
 * @self: a #SaClassView
 * @client: (nullable): a trainer's client of a sandbox back office
 *
 * Shows the class of @client's sandbox (GET /sandbox/class).
 */
void
sa_class_view_set_client (SaClassView  *self,
                          SaDeskClient *client)
{
  g_return_if_fail (SA_IS_CLASS_VIEW (self));
  g_return_if_fail (client == NULL || SA_IS_DESK_CLIENT (client));

  sa_ui_renew_cancellable (&self->cancellable);
  self->loading = FALSE;
  g_set_object (&self->client, client);
  g_clear_object (&self->trainees);
  show (self);
  sa_class_view_refresh (self);
}

/**
 * sa_class_view_get_trainees:
 * @self: a #SaClassView
 *
 * Returns: (transfer none) (nullable): the #SaTraineeProgress items last
 *   read
 */
GListModel *
sa_class_view_get_trainees (SaClassView *self)
{
  g_return_val_if_fail (SA_IS_CLASS_VIEW (self), NULL);
  return self->trainees;
}
