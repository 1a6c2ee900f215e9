/* sa-bench-scroll.c — frame times and memory of the Orders view at 100,000
 * orders (issue 12: "no frame dropped while scrolling", "memory flat")
 *
 * Starts the sandbox back office in a thread over a fresh data directory,
 * writes N generated orders for the trainee into its database (reproducible:
 * the same N gives the same orders), opens the real main window on it and,
 * once the first page is shown, scrolls the results programmatically one step
 * per frame: down through the first rows, a jump to the end (as dragging the
 * scroll bar does), and up again. For every frame it reads the frame clock
 * (GdkFrameClock: the time between painted frames, and the time spent from
 * "update" to "after-paint") and prints p50/p95/p99/max, how many frames took
 * longer than 1.5 refresh intervals (dropped), and the RSS at idle and after
 * the end was reached. Figures, not a test. Run it with ./bench/scroll.
 *
 * Usage: sa-bench-scroll [ORDERS] [STEP_PX] [FRAMES]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "sa-sandbox-db.h"
#include "sa-core.h"
#include "sa-order-row.h"
#include "sa-orders-view.h"
#include "sa-sandbox-thread.h"
#include "sa-ui-util.h"
#include "sa-window.h"

typedef enum
{
  PHASE_DOWN,
  PHASE_SETTLE_END,
  PHASE_UP,
  PHASE_DONE,
} Phase;

typedef struct
{
  GtkAdjustment *adjustment;
  GtkWidget     *list;
  GArray        *intervals_ms;  /* between painted frames */
  GArray        *work_ms;       /* update → after-paint */
  GArray        *work_page_ms;  /* the same, frames in which a page arrived */
  GArray        *binds;         /* rows bound per frame */
  guint          changed;       /* items-changed since the last frame */
  guint          bound;         /* rows bound since the last frame */
  guint          set_up;        /* list items set up since the last frame */
  GArray        *setups;        /* list items set up per frame */
  guint          n_changed;     /* items-changed while scrolling */
  gint64         last_paint;
  gint64         update_start;
  gint64         refresh_us;
  double         step;
  guint          frames;
  guint          frame;
  guint          settle;
  long           rss_at_end;
  Phase          phase;
} Probe;

static GAsyncResult *pending;

static void
on_ready (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  pending = g_object_ref (result);
}

static GAsyncResult *
wait_result (void)
{
  while (pending == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (&pending);
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* N orders for the trainee, from the sandbox's own reproducible generator
 * (sa_sandbox_db_generate(), as bench/server uses), seed 1. */
static void
generate_orders (const char *data_dir,
                 guint       n)
{
  g_autofree char *path = g_build_filename (data_dir, "sandbox.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (!sa_sandbox_db_open (path, &db, &error) ||
      !sa_sandbox_db_generate (db, 1, n, MAX (n / 10, 1), &error))
    g_error ("generating orders: %s", error->message);
  sa_sandbox_db_close (db);
}

/* The heights of the row widgets the list holds, placeholders ("Loading…")
 * and real orders apart: they should be the same (issue 12: nothing jumps
 * when a page arrives). */
static void
report_row_heights (GtkWidget *list)
{
  int min[2] = { G_MAXINT, G_MAXINT }, max[2] = { 0, 0 };
  guint n[2] = { 0, 0 };

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      SaOrder *order;
      int kind;

      if (row == NULL || !SA_IS_ORDER_ROW (row) || (order = sa_order_row_get_order (SA_ORDER_ROW (row))) == NULL ||
          gtk_widget_get_height (child) <= 0)
        continue;
      kind = sa_order_pages_is_placeholder (order) ? 1 : 0;
      min[kind] = MIN (min[kind], gtk_widget_get_height (child));
      max[kind] = MAX (max[kind], gtk_widget_get_height (child));
      n[kind]++;
    }
  printf ("row heights: %u orders %d-%d px, %u placeholders %d-%d px\n",
          n[0], n[0] ? min[0] : 0, max[0], n[1], n[1] ? min[1] : 0, max[1]);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *name,
        GArray     *samples)
{
  double *v = (double *) samples->data;
  guint n = samples->len;

  if (n == 0)
    return;
  g_array_sort (samples, compare_doubles);
  printf ("%-28s n=%-5u p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n",
          name, n, v[n / 2], v[(n * 95) / 100], v[MIN (n - 1, (n * 99) / 100)], v[n - 1]);
}

static void
report_count (const char *name,
              GArray     *samples)
{
  double *v = (double *) samples->data;
  guint n = samples->len;
  double sum = 0;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    sum += v[i];
  g_array_sort (samples, compare_doubles);
  printf ("%-28s n=%-5u p50 %6.0f     p95 %6.0f     p99 %6.0f     max %6.0f     mean %.1f\n",
          name, n, v[n / 2], v[(n * 95) / 100], v[MIN (n - 1, (n * 99) / 100)], v[n - 1], sum / n);
}

static void
on_update (GdkFrameClock *clock,
           Probe         *probe)
{
  probe->update_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Probe         *probe)
{
  gint64 now = g_get_monotonic_time ();
  GdkFrameTimings *timings = gdk_frame_clock_get_current_timings (clock);

  if (timings != NULL && gdk_frame_timings_get_refresh_interval (timings) > 0)
    probe->refresh_us = gdk_frame_timings_get_refresh_interval (timings);
  if (probe->phase == PHASE_DONE)
    return;
  if (probe->last_paint != 0 && probe->phase != PHASE_SETTLE_END)
    {
      double interval = (now - probe->last_paint) / 1000.0;
      double work = probe->update_start != 0 ? (now - probe->update_start) / 1000.0 : 0;
      double binds = probe->bound;
      double setups = probe->set_up;

      g_array_append_val (probe->intervals_ms, interval);
      g_array_append_val (probe->work_ms, work);
      g_array_append_val (probe->binds, binds);
      g_array_append_val (probe->setups, setups);
      if (probe->changed > 0)
        g_array_append_val (probe->work_page_ms, work);
    }
  probe->last_paint = now;
  probe->changed = 0;
  probe->bound = 0;
  probe->set_up = 0;
}

/* The results' factory sets a list item up (a new row widget). */
static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Probe                    *probe)
{
  probe->set_up++;
}

/* The results' factory binds a row: counted per frame. */
static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Probe                    *probe)
{
  probe->bound++;
  if (g_getenv ("SA_BENCH_TRACE"))
    printf ("frame %u bind %u%s\n", probe->frame, gtk_list_item_get_position (item),
            sa_order_pages_is_placeholder (gtk_list_item_get_item (item)) ? " (placeholder)" : "");
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Probe      *probe)
{
  probe->changed++;
  if (probe->phase != PHASE_DONE)
    probe->n_changed++;
}

/* One step per frame, as a fling or a held arrow key would. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Probe *probe = user_data;
  double value = gtk_adjustment_get_value (probe->adjustment);
  double end = gtk_adjustment_get_upper (probe->adjustment) - gtk_adjustment_get_page_size (probe->adjustment);

  switch (probe->phase)
    {
    case PHASE_DOWN:
      gtk_adjustment_set_value (probe->adjustment, MIN (value + probe->step, end));
      if (++probe->frame >= probe->frames)
        {
          probe->phase = PHASE_SETTLE_END;
          gtk_adjustment_set_value (probe->adjustment, end);
        }
      break;
    case PHASE_SETTLE_END:
      /* The jump to the end: its rows arrive; not counted as scrolling. */
      gtk_adjustment_set_value (probe->adjustment, end);
      if (probe->settle == 1)
        report_row_heights (probe->list);
      if (++probe->settle >= 90)
        {
          probe->rss_at_end = rss_kib ();
          report_row_heights (probe->list);
          probe->phase = PHASE_UP;
          probe->frame = 0;
          probe->last_paint = 0;
        }
      break;
    case PHASE_UP:
      gtk_adjustment_set_value (probe->adjustment, MAX (value - probe->step, 0));
      if (++probe->frame >= probe->frames)
        probe->phase = PHASE_DONE;
      break;
    case PHASE_DONE:
    default:
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n_orders = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  double step = argc > 2 ? atof (argv[2]) : 600;
  guint frames = argc > 3 ? (guint) atoi (argv[3]) : 300;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *rm = NULL;
  g_autoptr(SaSandboxThread) sandbox = NULL;
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  SaOrdersView *view;
  GtkWidget *scroller;
  GListModel *results;
  SaWindow *window;
  GdkFrameClock *clock;
  Probe probe = { 0 };
  long rss_before, rss_idle, rss_end;
  guint dropped = 0;
  gint64 t0;

  setvbuf (stdout, NULL, _IOLBF, 0);
  data_dir = g_dir_make_tmp ("sa-bench-scroll-XXXXXX", &error);
  g_assert_no_error (error);
  sandbox = sa_sandbox_thread_start (data_dir, &error);
  g_assert_no_error (error);
  client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  sa_client_sign_in_async (client, "trainee", "training", NULL, on_ready, NULL);
  result = wait_result ();
  if (!sa_client_sign_in_finish (client, result, &error))
    g_error ("sign-in: %s", error->message);
  t0 = g_get_monotonic_time ();
  generate_orders (data_dir, n_orders);
  printf ("orders generated: %u in %.0f ms\n", n_orders, (g_get_monotonic_time () - t0) / 1000.0);

  gtk_init ();
  adw_init ();
  sa_ui_load_style ();
  rss_before = rss_kib ();

  window = sa_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  t0 = g_get_monotonic_time ();
  sa_window_set_client (window, client, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  view = sa_window_get_orders_view (window);
  while (sa_orders_view_get_loading (view) || sa_orders_view_get_results (view) == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = sa_orders_view_get_results (view);
  printf ("first page shown after %.0f ms: %u orders listed\n",
          (g_get_monotonic_time () - t0) / 1000.0, g_list_model_get_n_items (results));
  wait_ms (1500);
  rss_idle = rss_kib ();
  report_row_heights (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), SA_TYPE_ORDERS_VIEW, "results_view")));

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), SA_TYPE_ORDERS_VIEW,
                                                                                 "results_view")),
                                      GTK_TYPE_SCROLLED_WINDOW);
  probe.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  probe.intervals_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe.work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe.work_page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  probe.binds = g_array_new (FALSE, FALSE, sizeof (double));
  probe.setups = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (gtk_list_view_get_factory (GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), SA_TYPE_ORDERS_VIEW,
                                                                                               "results_view"))),
                    "setup", G_CALLBACK (on_setup), &probe);
  g_signal_connect (gtk_list_view_get_factory (GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), SA_TYPE_ORDERS_VIEW,
                                                                                               "results_view"))),
                    "bind", G_CALLBACK (on_bind), &probe);
  g_signal_connect (results, "items-changed", G_CALLBACK (on_items_changed), &probe);
  probe.step = step;
  probe.list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), SA_TYPE_ORDERS_VIEW, "results_view"));
  probe.frames = frames;
  probe.refresh_us = 16667;
  clock = gtk_widget_get_frame_clock (scroller);
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &probe);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &probe);
  printf ("results page: %s, scroller mapped: %d, upper %.0f px\n",
          gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (view), SA_TYPE_ORDERS_VIEW, "results_stack"))),
          gtk_widget_get_mapped (scroller), gtk_adjustment_get_upper (probe.adjustment));
  gtk_widget_add_tick_callback (scroller, scroll_tick, &probe, NULL);
  while (probe.phase != PHASE_DONE)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, &probe);
  g_signal_handlers_disconnect_by_data (results, &probe);
  g_signal_handlers_disconnect_by_data (gtk_list_view_get_factory (GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), SA_TYPE_ORDERS_VIEW,
                                                                                                                 "results_view"))),
                                        &probe);
  wait_ms (1000);
  rss_end = rss_kib ();

  for (guint i = 0; i < probe.intervals_ms->len; i++)
    if (g_array_index (probe.intervals_ms, double, i) > 1.5 * probe.refresh_us / 1000.0)
      dropped++;

  printf ("scrolling %u frames down and %u up at %.0f px per frame (refresh %.1f ms), GSK_RENDERER=%s\n",
          frames, frames, step, probe.refresh_us / 1000.0,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  report ("frame interval", probe.intervals_ms);
  report ("frame work (update→paint)", probe.work_ms);
  report ("  of which a page arrived", probe.work_page_ms);
  report_count ("rows bound per frame", probe.binds);
  report_count ("list items set up per frame", probe.setups);
  printf ("frames dropped (interval > 1.5 refresh): %u of %u\n", dropped, probe.intervals_ms->len);
  printf ("items-changed while scrolling: %u\n", probe.n_changed);
  if (SA_IS_ORDER_PAGES (results))
    printf ("pages requested: %u, pages in memory: %u (at most %d)\n",
            sa_order_pages_get_n_requests (SA_ORDER_PAGES (results)),
            sa_order_pages_get_n_resident (SA_ORDER_PAGES (results)), SA_ORDER_PAGES_MAX_RESIDENT);
  printf ("RSS: before the window %ld KiB, idle with the first page %ld KiB, at the end %ld KiB, back up %ld KiB\n",
          rss_before, rss_idle, probe.rss_at_end, rss_end);

  gtk_window_destroy (GTK_WINDOW (window));
  sa_sandbox_thread_stop (sandbox);
  rm = g_strdup_printf ("rm -rf '%s'", data_dir);
  (void) !system (rm);

  return 0;
}
