/* sa-training-poll.c — reading a training view again every few seconds
 * while it is shown (issue 14)
 *
 * The server checks a trainee's goal whenever the progress is read, and the
 * practice clock moves when a trainer moves it: nothing tells the app, so
 * the Training Scenarios view, the Class view and the window's practice
 * date read again on a timer — only while mapped (a hidden view costs the
 * server nothing), at once when mapped again, and at once when this app
 * itself changed what they show (sa_training_poll_now()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-training-poll.h"

#define POLL_KEY "sa-training-poll"

typedef struct
{
  GtkWidget          *widget;   /* not owned: the poll dies with it */
  guint               seconds;
  SaTrainingPollFunc  refresh;
  guint               source_id;
  gulong              map_id;
  gulong              unmap_id;
  gulong              destroy_id;
} Poll;

static void
poll_free (gpointer data)
{
  Poll *poll = data;

  g_clear_handle_id (&poll->source_id, g_source_remove);
  g_clear_signal_handler (&poll->map_id, poll->widget);
  g_clear_signal_handler (&poll->unmap_id, poll->widget);
  g_clear_signal_handler (&poll->destroy_id, poll->widget);
  g_free (poll);
}

static gboolean
tick (gpointer data)
{
  Poll *poll = data;

  poll->refresh (poll->widget);
  return G_SOURCE_CONTINUE;
}

static void
on_map (GtkWidget *widget,
        Poll      *poll)
{
  poll->refresh (widget);
  if (poll->source_id == 0)
    poll->source_id = g_timeout_add_seconds (poll->seconds, tick, poll);
}

static void
on_unmap (GtkWidget *widget,
          Poll      *poll)
{
  g_clear_handle_id (&poll->source_id, g_source_remove);
}

static void
on_destroy (GtkWidget *widget,
            Poll      *poll)
{
  sa_training_poll_detach (widget);
}

/**
 * sa_training_poll_attach:
 * @widget: a training view (or the window)
 * @seconds: the period, in seconds (more than 0)
 * @refresh: reads @widget's data again; called with @widget, and must not
 *   start a second read while one runs
 *
 * Calls @refresh every @seconds while @widget is mapped, and once each time
 * it is mapped (at once if it is already). Replaces an earlier poll of
 * @widget; stops when @widget is destroyed or sa_training_poll_detach().
 */
void
sa_training_poll_attach (GtkWidget          *widget,
                         guint               seconds,
                         SaTrainingPollFunc  refresh)
{
  Poll *poll;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (seconds > 0 && refresh != NULL);

  sa_training_poll_detach (widget);
  poll = g_new0 (Poll, 1);
  poll->widget = widget;
  poll->seconds = seconds;
  poll->refresh = refresh;
  poll->map_id = g_signal_connect (widget, "map", G_CALLBACK (on_map), poll);
  poll->unmap_id = g_signal_connect (widget, "unmap", G_CALLBACK (on_unmap), poll);
  poll->destroy_id = g_signal_connect (widget, "destroy", G_CALLBACK (on_destroy), poll);
  g_object_set_data_full (G_OBJECT (widget), POLL_KEY, poll, poll_free);
  if (gtk_widget_get_mapped (widget))
    on_map (widget, poll);
}

/**
 * sa_training_poll_detach:
 * @widget: a widget given to sa_training_poll_attach(), or any widget
 *
 * Stops @widget's poll, if it has one.
 */
void
sa_training_poll_detach (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), POLL_KEY, NULL);
}

/**
 * sa_training_poll_now:
 * @widget: a widget given to sa_training_poll_attach()
 *
 * Something this app did changed what @widget shows (the practice clock
 * moved, an exercise started): reads it again now rather than at the next
 * tick, and counts the period from now. Does nothing without a poll.
 */
void
sa_training_poll_now (GtkWidget *widget)
{
  Poll *poll;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  poll = g_object_get_data (G_OBJECT (widget), POLL_KEY);
  if (poll == NULL)
    return;
  poll->refresh (widget);
  if (poll->source_id != 0)
    {
      g_source_remove (poll->source_id);
      poll->source_id = g_timeout_add_seconds (poll->seconds, tick, poll);
    }
}
