/* sa-order-results.c — the Orders view's results list: a GtkListView of
 * SaOrderRow over SaOrderPages
 *
 * Step 3 of "assign an order": the user opens the order from the results.
 * Issue 12: the list builds rows only for what is shown (one SaOrderRow per
 * visible list item, rebound as the user scrolls; an order still being
 * fetched shows "Loading…"). GTK 4.8 keeps up to 200 rows and, while the
 * user scrolls, rebinds a dozen of them per frame at the far ends of those;
 * a row bound more than a screen away from the visible rows shows its order
 * only when it scrolls near or once the scrolling stops, so that a frame
 * lays out the text of the rows that scroll in only. A page that arrives
 * emits no "items-changed" (which made GTK 4.8 rebind all 200 rows): each
 * placeholder takes its order's data in place, and the list item watching
 * it shows the order in its row, at once if near, later otherwise.
 * Issue 11: the list
 * items are the only focus stops (the row inside never takes focus), Tab
 * leaves the list at once instead of visiting every row, and the search's
 * Down key lands on the first row. bench/startup reads the "orders drawn"
 * line logged once per process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-order-results.h"
#include "sa-order-row.h"

/* Rows beyond this many screens from the visible ones show their order later
 * (issue 12). */
#define NEAR_SCREENS 1
/* After the last scroll, how long (ms) before the rows bound far away show
 * their order, and how many per frame then. */
#define SETTLE_MS   200
#define SETTLE_ROWS 4

/* What the results list keeps: the list items whose row does not show its
 * order yet (a row bound far from the visible rows). */
typedef struct
{
  GtkListView *list;
  GHashTable  *stale;       /* GtkListItem (ref) → itself */
  guint        laid_out_n;  /* rows the adjustment was last set up for */
  guint        settle_id;   /* timeout, then tick callback */
  guint        tick_id;
} Results;

static void
results_free (gpointer data)
{
  Results *results = data;

  g_clear_handle_id (&results->settle_id, g_source_remove);
  g_hash_table_unref (results->stale);
  g_free (results);
}

/* The positions the user sees, widened by %NEAR_SCREENS screens each way;
 * FALSE when the list is not laid out yet (then every row is near). */
static gboolean
get_near_range (Results *results,
                guint   *first,
                guint   *last)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (results->list));
  GtkSelectionModel *selection = gtk_list_view_get_model (results->list);
  double upper, value, page;
  guint n, top, bottom, margin;

  if (adjustment == NULL || selection == NULL)
    return FALSE;
  upper = gtk_adjustment_get_upper (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  if (upper <= 0 || page <= 0 || n == 0)
    return FALSE;
  /* A new search's rows are bound before the list is laid out again: the
   * adjustment still measures the previous results. */
  if (n != results->laid_out_n)
    return FALSE;

  top = (guint) MIN (n, n * (value / upper));
  bottom = (guint) MIN (n, n * ((value + page) / upper) + 1);
  margin = (bottom - top + 2) * NEAR_SCREENS;
  *first = top > margin ? top - margin : 0;
  *last = bottom + margin;

  return TRUE;
}

/* Shows the order of @item's position in its row. */
static void
show_order (GtkListItem *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *item_widget;

  if (row == NULL)
    return;
  sa_order_row_set_order (SA_ORDER_ROW (row), gtk_list_item_get_item (item));

  /* The list item (the focus stop a screen reader lands on) is named after
   * its order: GTK 4.8 has no GtkListItem:accessible-label (4.12 has). */
  item_widget = gtk_widget_get_parent (row);
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    sa_order_row_get_title (SA_ORDER_ROW (row)), -1);
}

static gboolean settle_tick (GtkWidget     *widget,
                             GdkFrameClock *clock,
                             gpointer       user_data);

/* The scrolling stopped: the rows bound far away show their orders, a few
 * per frame. */
static gboolean
on_settled (gpointer user_data)
{
  Results *results = user_data;

  results->settle_id = 0;
  if (results->tick_id == 0 && g_hash_table_size (results->stale) > 0)
    results->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (results->list), settle_tick, results, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
settle_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Results *results = user_data;
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  if (results->settle_id != 0)
    {
      /* Scrolling again: wait for it to stop. */
      results->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  g_hash_table_iter_init (&iter, results->stale);
  while (n < SETTLE_ROWS && g_hash_table_iter_next (&iter, &key, NULL))
    {
      show_order (key);
      g_hash_table_iter_remove (&iter);
      n++;
    }
  if (g_hash_table_size (results->stale) > 0)
    return G_SOURCE_CONTINUE;
  results->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_settle (Results *results)
{
  g_clear_handle_id (&results->settle_id, g_source_remove);
  if (g_hash_table_size (results->stale) > 0)
    results->settle_id = g_timeout_add (SETTLE_MS, on_settled, results);
}

/* The rows that scrolled near show their orders (before this frame's
 * layout). */
static void
show_near (Results *results)
{
  GHashTableIter iter;
  gpointer key;
  guint first, last;
  gboolean near_known = get_near_range (results, &first, &last);

  g_hash_table_iter_init (&iter, results->stale);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position = gtk_list_item_get_position (key);

      if (!near_known || (position >= first && position <= last))
        {
          show_order (key);
          g_hash_table_iter_remove (&iter);
        }
    }
}

/* A list item's placeholder, watched until its page arrives. */
typedef struct
{
  Results     *results;
  GtkListItem *item;     /* owns the Watch */
  SaOrder     *order;
  gulong       handler;
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_signal_handler (&watch->handler, watch->order);
  g_object_unref (watch->order);
  g_free (watch);
}

/* Issue 12: a placeholder's page arrived and the placeholder took its
 * order's data in place (no "items-changed", so no rebinding of the 200 rows
 * GTK 4.8 holds): the row shows it now if it is near the visible rows, once
 * it scrolls near or the scrolling stops otherwise. */
static void
on_placeholder_filled (SaOrder    *order,
                       GParamSpec *pspec,
                       Watch      *watch)
{
  Results *results = watch->results;
  GtkListItem *item = watch->item;
  GtkWidget *row = gtk_list_item_get_child (item);
  guint first, last;
  guint position;

  if (sa_order_pages_is_placeholder (order))
    return;
  /* The Watch goes with this; nothing of it is used below. */
  g_object_set_data (G_OBJECT (item), "sa-order-results-watch", NULL);
  if (gtk_list_item_get_item (item) != order || row == NULL)
    return;

  gtk_list_item_set_activatable (item, TRUE);
  /* A row waiting to show its order (bound far away) shows it later. */
  if (sa_order_row_get_order (SA_ORDER_ROW (row)) != order)
    return;
  position = gtk_list_item_get_position (item);
  if (!get_near_range (results, &first, &last) ||
      (position >= first && position <= last))
    {
      g_hash_table_remove (results->stale, item);
      show_order (item);
      return;
    }
  g_hash_table_add (results->stale, g_object_ref (item));
  queue_settle (results);
}

/* Watches @item's order while it is a placeholder (and only then). */
static void
watch_placeholder (Results     *results,
                   GtkListItem *item)
{
  SaOrder *order = gtk_list_item_get_item (item);
  Watch *watch = g_object_get_data (G_OBJECT (item), "sa-order-results-watch");

  if (watch != NULL && watch->order == order)
    return;
  if (order == NULL || !sa_order_pages_is_placeholder (order))
    {
      g_object_set_data (G_OBJECT (item), "sa-order-results-watch", NULL);
      return;
    }
  watch = g_new0 (Watch, 1);
  watch->results = results;
  watch->item = item;
  watch->order = g_object_ref (order);
  watch->handler = g_signal_connect (order, "notify::sales-order-number",
                                     G_CALLBACK (on_placeholder_filled), watch);
  g_object_set_data_full (G_OBJECT (item), "sa-order-results-watch", watch, watch_free);
}

/* The list view's factory: one SaOrderRow per row shown, given the SaOrder
 * (or placeholder) of its position; the list item is the focus stop. */
static void
setup_order_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *row = sa_order_row_new (NULL);

  /* The list item takes the focus (and draws the ring); the row, a
   * GtkListBoxRow outside a list box, must never take it. */
  gtk_widget_set_can_focus (row, FALSE);
  gtk_list_item_set_child (item, row);
}

/* Issue 12: no "unbind" handler. GTK 4.8's list view unbinds and binds
 * again every row after a changed position (an "items-changed", a page that
 * arrives) even when its order is the same one; the row keeps its order while
 * unbound, so that binding it to the same order again costs nothing
 * (sa_order_row_set_order() returns at once) instead of laying out its text
 * twice. A row bound far from the visible ones shows its order later. */
static void
bind_order_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  Results *results = user_data;
  SaOrder *order = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  guint first, last;

  gtk_list_item_set_activatable (item, order != NULL && !sa_order_pages_is_placeholder (order));
  watch_placeholder (results, item);
  if (sa_order_row_shows (SA_ORDER_ROW (gtk_list_item_get_child (item)), order))
    {
      /* Bound again to the order it shows (its list item already named). */
      g_hash_table_remove (results->stale, item);
      return;
    }
  if (!get_near_range (results, &first, &last) ||
      (position >= first && position <= last))
    {
      g_hash_table_remove (results->stale, item);
      show_order (item);
      return;
    }

  g_hash_table_add (results->stale, g_object_ref (item));
  queue_settle (results);
}

static void
teardown_order_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  Results *results = user_data;

  g_object_set_data (G_OBJECT (item), "sa-order-results-watch", NULL);
  g_hash_table_remove (results->stale, item);
}

/* Issue 11: Tab leaves the results at once (GTK 4.8's list view would stop
 * on every one of up to 100,000 rows); arrows move between rows. */
static gboolean
on_results_key_pressed (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkWidget             *list)
{
  GtkDirectionType direction;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) != 0 ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else
    return FALSE;

  /* The list refuses the focus while the window looks for the next stop. */
  gtk_widget_set_can_focus (list, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)), direction))
    gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)), direction);
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}

/* bench/startup reads this line (G_MESSAGES_DEBUG=sa-ui). */
static void
on_first_results_painted (GdkFrameClock *clock,
                          gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_results_painted, user_data);
  g_debug ("Start-up: orders drawn at %" G_GINT64_FORMAT " us (monotonic clock)",
           g_get_monotonic_time ());
}

/* Issue 12: tells SaOrderPages which row the user looks at, so that a page
 * that arrives fills the rows shown first. */
static void
on_scrolled (GtkAdjustment *adjustment,
             GtkListView   *list)
{
  GListModel *model = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (list)));
  double upper = gtk_adjustment_get_upper (adjustment);
  Results *results = g_object_get_data (G_OBJECT (list), "sa-order-results");
  guint n;

  if (results != NULL && g_hash_table_size (results->stale) > 0)
    {
      show_near (results);
      queue_settle (results);
    }
  if (model == NULL || !SA_IS_ORDER_PAGES (model) || upper <= 0)
    return;
  n = g_list_model_get_n_items (model);
  sa_order_pages_set_hint (SA_ORDER_PAGES (model),
                           (guint) MIN (n, n * (gtk_adjustment_get_value (adjustment) / upper)));
}

/* The list laid out its rows again (its adjustment's upper or page size
 * changed): the adjustment now measures the rows of the current results. */
static void
on_adjustment_changed (GtkAdjustment *adjustment,
                       GtkListView   *list)
{
  Results *results = g_object_get_data (G_OBJECT (list), "sa-order-results");
  GtkSelectionModel *selection = gtk_list_view_get_model (list);

  if (results == NULL)
    return;
  results->laid_out_n = selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (selection)) : 0;
  /* A taller window: rows bound out of sight may be in sight now. */
  if (g_hash_table_size (results->stale) > 0)
    show_near (results);
}

static void
on_vadjustment_set (GtkListView *list,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), list, 0);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_adjustment_changed), list, 0);
    }
}

/**
 * sa_order_results_setup:
 * @list: the Orders view's #GtkListView
 * @selection: (transfer none): the #GtkNoSelection whose model the view sets
 *   to each search's results
 *
 * Gives @list its factory of #SaOrderRow, its model, and its keys: Tab and
 * Shift+Tab leave it (one focus stop for the whole list, issue 11). While
 * the user scrolls, the #SaOrderPages shown learns where they look.
 */
void
sa_order_results_setup (GtkListView    *list,
                        GtkNoSelection *selection)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *key;
  Results *results;

  g_return_if_fail (GTK_IS_LIST_VIEW (list));
  g_return_if_fail (GTK_IS_NO_SELECTION (selection));

  results = g_new0 (Results, 1);
  results->list = list;
  results->stale = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_object_set_data_full (G_OBJECT (list), "sa-order-results", results, results_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_order_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_order_row), results);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_order_row), results);
  gtk_list_view_set_factory (list, factory);
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (selection));

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_results_key_pressed), list);
  gtk_widget_add_controller (GTK_WIDGET (list), key);

  g_signal_connect (list, "notify::vadjustment", G_CALLBACK (on_vadjustment_set), NULL);
  on_vadjustment_set (list, NULL, NULL);
}

/**
 * sa_order_results_focus_first:
 * @list: the Orders view's #GtkListView, with at least one result
 *
 * Scrolls to the first result and focuses its row (Down from the search,
 * issue 11); the window shows the focus ring since a key moved it.
 *
 * Returns: %TRUE when a row took the focus
 */
gboolean
sa_order_results_focus_first (GtkListView *list)
{
  g_return_val_if_fail (GTK_IS_LIST_VIEW (list), FALSE);

  gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 0);
  return gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_TAB_FORWARD) ||
         gtk_widget_grab_focus (GTK_WIDGET (list));
}

/**
 * sa_order_results_note_first_draw:
 * @list: the Orders view's #GtkListView, just given results
 *
 * Once per process: logs (debug, domain "sa-ui") the monotonic time at which
 * the first results were painted, the "orders drawn" time bench/startup
 * measures (issue 12).
 */
void
sa_order_results_note_first_draw (GtkListView *list)
{
  static gboolean drawn_once;
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_LIST_VIEW (list));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (list));
  if (drawn_once || clock == NULL)
    return;

  drawn_once = TRUE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_results_painted), NULL);
}

/**
 * sa_order_results_get_n_stale:
 * @list: the Orders view's #GtkListView, set up with sa_order_results_setup()
 *
 * How many rows were bound far from the visible ones and do not show their
 * order yet (issue 12: they show it when they scroll near, or a few per frame
 * once the scrolling has stopped). For tests and benchmarks.
 *
 * Returns: the number of rows waiting to show their order
 */
guint
sa_order_results_get_n_stale (GtkListView *list)
{
  Results *results;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list), 0);

  results = g_object_get_data (G_OBJECT (list), "sa-order-results");
  return results != NULL ? g_hash_table_size (results->stale) : 0;
}
