/* sa-order-results.c — the Orders view's results list: a GtkListView of
 * SaOrderRow over SaOrderPages
 *
 * Step 3 of "assign an order": the user opens the order from the results.
 * Issue 12: the list builds rows only for what is shown (one SaOrderRow per
 * visible list item, rebound as the user scrolls; an order still being
 * fetched shows "Loading…"). Issue 11: the list items are the only focus
 * stops (the row inside never takes focus), Tab leaves the list at once
 * instead of visiting every row, and the search's Down key lands on the first
 * row. bench/startup reads the "orders drawn" line logged once per process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-order-results.h"
#include "sa-order-row.h"

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
 * twice. */
static void
bind_order_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  SaOrder *order = gtk_list_item_get_item (item);

  sa_order_row_set_order (SA_ORDER_ROW (gtk_list_item_get_child (item)), order);
  gtk_list_item_set_activatable (item, order != NULL && !sa_order_pages_is_placeholder (order));
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
  guint n;

  if (model == NULL || !SA_IS_ORDER_PAGES (model) || upper <= 0)
    return;
  n = g_list_model_get_n_items (model);
  sa_order_pages_set_hint (SA_ORDER_PAGES (model),
                           (guint) MIN (n, n * (gtk_adjustment_get_value (adjustment) / upper)));
}

static void
on_vadjustment_set (GtkListView *list,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), list, 0);
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

  g_return_if_fail (GTK_IS_LIST_VIEW (list));
  g_return_if_fail (GTK_IS_NO_SELECTION (selection));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_order_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_order_row), NULL);
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
