/* test-ui-orders-search.c — the Orders search as a new user meets it, by
 * keyboard (issue 11) and one request per query (issue 12)
 *
 * Keys are real X key events (XTest) sent to the window under Xvfb, so that
 * GTK handles them as it handles the user's: focus moves, the window's focus
 * becomes visible, the entry's own bindings run.
 *
 * - Enter in the search opens the order when exactly one matches.
 * - Down from the search reaches the first result, with a visible focus ring.
 * - Tab through the results stops on rows only (no invisible stop), and
 *   leaves the results after one row.
 * - An invalid search shows its error and no list under it.
 * - A Sales Order No. of another partner's order says the user has no access
 *   to it, not "No Order Matches".
 * - Typing then Enter sends one search; the same query again sends none.
 * - Scrolled through 600 orders, once the scrolling stops every row shown
 *   shows the order of its position (issue 12: rows bound far away show
 *   their order later).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "sa-order-results.h"
#include "sa-order-row.h"
#include "sa-sandbox-db.h"
#include "sa-ui-test-util.h"

#define ORDER_ONE           "104857601" /* matches itself only */
#define ORDER_OTHER_PARTNER "209715201" /* exists, another partner's */

static SaTestSandbox *sandbox;

#define VIEW_CHILD(view, name) SA_TEST_CHILD (view, SA_TYPE_ORDERS_VIEW, name)

static gboolean
window_mapped (gpointer window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

/* Gives @window the X input focus, as a window manager would on a click. */
static void
focus_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));

  g_assert_true (sa_test_wait_until (window_mapped, window, 10000));
  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XFlush (display);
  g_assert_true (sa_test_wait_until (window_active, window, 10000));
}

/* Key releases the window has seen (its capture phase sees them first). */
static guint n_released;
static guint n_expected;

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 gpointer               user_data)
{
  n_released++;
}

static gboolean
key_handled (gpointer user_data)
{
  return n_released >= n_expected;
}

/* Presses and releases @keysym as the keyboard would, and waits until the
 * window has handled both (then one more main-loop turn for what follows). */
static void
press_key (GtkWidget *widget,
           KeySym     keysym)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  KeyCode code = XKeysymToKeycode (display, keysym);

  g_assert_cmpuint (code, !=, 0);
  n_expected = n_released + 1;
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  XFlush (display);
  g_assert_true (sa_test_wait_until (key_handled, NULL, 10000));
  sa_test_wait_ms (20);
}

/* Types @digits, then Enter when @enter, as one quick burst of key events
 * (faster than the search's pause), and waits until the window handled them. */
static void
type_digits_full (GtkWidget  *widget,
                  const char *digits,
                  gboolean    enter)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  guint n = 0;

  for (const char *p = digits; *p != '\0'; p++, n++)
    {
      KeyCode code = XKeysymToKeycode (display, XK_0 + (*p - '0'));

      g_assert_true (g_ascii_isdigit (*p));
      XTestFakeKeyEvent (display, code, True, CurrentTime);
      XTestFakeKeyEvent (display, code, False, CurrentTime);
    }
  if (enter)
    {
      KeyCode code = XKeysymToKeycode (display, XK_Return);

      XTestFakeKeyEvent (display, code, True, CurrentTime);
      XTestFakeKeyEvent (display, code, False, CurrentTime);
      n++;
    }
  n_expected = n_released + n;
  XFlush (display);
  g_assert_true (sa_test_wait_until (key_handled, NULL, 10000));
  sa_test_wait_ms (20);
}

static void
type_digits (GtkWidget  *widget,
             const char *digits)
{
  type_digits_full (widget, digits, FALSE);
}

static SaWindow *
open_orders (SaOrdersView **view)
{
  SaWindow *window = sa_test_new_window (sandbox);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-released", G_CALLBACK (on_key_released), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  *view = sa_window_get_orders_view (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, *view, 30000));
  focus_window (GTK_WINDOW (window));

  return window;
}

/* The row of the results list that holds the focus, or NULL when the focus
 * is elsewhere (or on the list itself). */
static GtkWidget *
focused_row (SaWindow     *window,
             SaOrdersView *view)
{
  GtkWidget *results = VIEW_CHILD (view, "results_view");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL || focus == results || !gtk_widget_is_ancestor (focus, results))
    return NULL;
  return focus;
}

static gboolean
page_opened (gpointer view)
{
  return sa_orders_view_get_order_page (SA_ORDERS_VIEW (view)) != NULL;
}

static void
test_enter_opens_single_match (void)
{
  SaOrdersView *view;
  SaWindow *window = open_orders (&view);
  GtkWidget *entry = VIEW_CHILD (view, "search_entry");
  SaOrderPage *page;

  gtk_widget_grab_focus (entry);
  type_digits_full (entry, ORDER_ONE, TRUE);

  g_assert_true (sa_test_wait_until (page_opened, view, 30000));
  page = sa_orders_view_get_order_page (view);
  g_assert_cmpstr (sa_order_page_get_sales_order_number (page), ==, ORDER_ONE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_down_reaches_results (void)
{
  SaOrdersView *view;
  SaWindow *window = open_orders (&view);
  GtkWidget *entry = VIEW_CHILD (view, "search_entry");
  GtkWidget *row;

  gtk_widget_grab_focus (entry);
  press_key (entry, XK_Down);

  row = focused_row (window, view);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_get_mapped (row));
  /* Its focus ring is drawn: the window shows keyboard focus. */
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  g_assert_true ((gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0);
  /* It is the first result. */
  g_assert_nonnull (sa_test_find_widget_of_type (row, SA_TYPE_ORDER_ROW));

  /* Enter on it opens that order. */
  press_key (entry, XK_Return);
  g_assert_true (sa_test_wait_until (page_opened, view, 30000));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_invisible_focus_stop (void)
{
  SaOrdersView *view;
  SaWindow *window = open_orders (&view);
  GtkWidget *entry = VIEW_CHILD (view, "search_entry");
  GtkWidget *results = VIEW_CHILD (view, "results_view");
  GtkWidget *row = NULL;
  GtkWidget *focus;
  guint stops_in_results = 0;

  /* Tab from the search until the focus leaves the results again: every stop
   * in the results area is a row with an order and a visible focus ring. */
  gtk_widget_grab_focus (entry);
  for (guint i = 0; i < 12; i++)
    {
      GtkWidget *results_stack = VIEW_CHILD (view, "results_stack");

      press_key (entry, XK_Tab);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_test_message ("Tab %u: %s in %s", i, G_OBJECT_TYPE_NAME (focus),
                      gtk_widget_get_parent (focus) ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)) : "-");
      if (gtk_widget_is_ancestor (focus, results_stack) || focus == results_stack)
        {
          stops_in_results++;
          row = focused_row (window, view);
          g_assert_nonnull (row);
          g_assert_true (gtk_widget_get_mapped (row));
          g_assert_true ((gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0);
          g_assert_nonnull (sa_test_find_widget_of_type (row, SA_TYPE_ORDER_ROW));
        }
      else if (stops_in_results > 0)
        break;
    }
  /* The results were reached, and left after one stop. */
  g_assert_cmpuint (stops_in_results, ==, 1);
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), results));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_invalid_search_no_list (void)
{
  SaOrdersView *view;
  SaWindow *window = open_orders (&view);
  GtkWidget *error_label = VIEW_CHILD (view, "search_error_label");
  GtkStack *results_stack = GTK_STACK (VIEW_CHILD (view, "results_stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (results_stack), ==, "results");

  sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "12ab");
  g_assert_true (gtk_widget_get_visible (error_label));
  /* No list stays under the error as if it matched everything. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (results_stack), !=, "results");
  g_assert_null (sa_orders_view_get_results (view));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (VIEW_CHILD (view, "count_label"))), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_other_partner_no_access (void)
{
  SaOrdersView *view;
  SaWindow *window = open_orders (&view);
  GtkStack *results_stack = GTK_STACK (VIEW_CHILD (view, "results_stack"));
  AdwStatusPage *empty_page = ADW_STATUS_PAGE (VIEW_CHILD (view, "empty_page"));
  g_autoptr(SaOrder) own = sa_test_get_order (sandbox->client, ORDER_ONE);

  g_assert_nonnull (own);
  sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, ORDER_OTHER_PARTNER);
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (results_stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty_page), !=, "No Order Matches");
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No Access to This Order");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty_page), ORDER_OTHER_PARTNER));
  g_assert_nonnull (strstr (adw_status_page_get_description (empty_page), "another partner"));

  /* A number nobody has is still "No Order Matches". */
  sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "99999999999");
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (results_stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No Order Matches");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_one_request_per_query (void)
{
  SaOrdersView *view;
  SaWindow *window = open_orders (&view);
  GtkWidget *entry = VIEW_CHILD (view, "search_entry");
  guint before;

  /* Typed, then Enter before the pause ends: one search. */
  gtk_widget_grab_focus (entry);
  before = sa_orders_view_get_n_searches (view);
  type_digits_full (entry, "1048576", TRUE);
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  sa_test_wait_ms (800);
  g_assert_cmpuint (sa_orders_view_get_n_searches (view), ==, before + 1);

  /* Typed, a pause (the search runs), then Enter: still one. */
  before = sa_orders_view_get_n_searches (view);
  type_digits (entry, "0");
  sa_test_wait_ms (800);
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  g_assert_cmpuint (sa_orders_view_get_n_searches (view), ==, before + 1);
  press_key (entry, XK_Return);
  sa_test_wait_ms (800);
  g_assert_cmpuint (sa_orders_view_get_n_searches (view), ==, before + 1);

  /* Refresh asks again. */
  gtk_widget_activate_action (GTK_WIDGET (view), "orders.refresh", NULL);
  g_assert_cmpuint (sa_orders_view_get_n_searches (view), ==, before + 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
results_settled (gpointer user_data)
{
  SaOrdersView *view = user_data;
  GtkListView *list = GTK_LIST_VIEW (VIEW_CHILD (view, "results_view"));
  GListModel *results = sa_orders_view_get_results (view);

  return sa_order_results_get_n_stale (list) == 0 &&
         (!SA_IS_ORDER_PAGES (results) || sa_order_pages_get_n_fetching (SA_ORDER_PAGES (results)) == 0);
}

/* Orders rows by where they are drawn in the list. */
static int
compare_tops (gconstpointer a,
              gconstpointer b,
              gpointer      list)
{
  graphene_point_t top_a, top_b;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (a), list, &GRAPHENE_POINT_INIT (0, 0), &top_a));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (b), list, &GRAPHENE_POINT_INIT (0, 0), &top_b));

  return (top_a.y > top_b.y) - (top_a.y < top_b.y);
}

/* The order rows drawn in sight in the results list, from top to bottom
 * (transfer container). */
static GList *
list_rows_in_sight (GtkWidget *list)
{
  GList *shown = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      graphene_point_t top;

      /* GTK 4.8 unmaps the rows out of sight (they keep an old place). */
      if (row == NULL || !SA_IS_ORDER_ROW (row) || !gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_point (child, list, &GRAPHENE_POINT_INIT (0, 0), &top) ||
          top.y + gtk_widget_get_height (child) <= 0 || top.y >= gtk_widget_get_height (list))
        continue;
      shown = g_list_insert_sorted_with_data (shown, row, compare_tops, list);
    }

  return shown;
}

/* Every row in sight shows the order of its position: from top to bottom,
 * consecutive orders of the results, none a placeholder, its title that
 * order's Sales Order No. */
static void
assert_rows_in_sight_show_their_orders (SaOrdersView *view)
{
  GtkWidget *list = VIEW_CHILD (view, "results_view");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  GListModel *results = sa_orders_view_get_results (view);
  GList *shown = list_rows_in_sight (list);
  guint checked = 0;
  guint estimate, first;

  g_assert_nonnull (shown);
  estimate = (guint) (g_list_model_get_n_items (results) *
                      (gtk_adjustment_get_value (adjustment) / gtk_adjustment_get_upper (adjustment)));
  for (first = estimate > 10 ? estimate - 10 : 0; first < estimate + 10; first++)
    {
      g_autoptr(SaOrder) item = g_list_model_get_item (results, first);

      if (item == sa_order_row_get_order (SA_ORDER_ROW (shown->data)))
        break;
    }
  g_assert_cmpuint (first, <, estimate + 10);
  for (GList *l = shown; l != NULL; l = l->next)
    {
      g_autoptr(SaOrder) item = g_list_model_get_item (results, first + checked);

      g_assert_true (sa_order_row_get_order (SA_ORDER_ROW (l->data)) == item);
      g_assert_false (sa_order_pages_is_placeholder (item));
      /* Issue 12: a placeholder filled in place after it was shown ("Loading…")
       * shows its order too. */
      g_assert_nonnull (strstr (sa_order_row_get_title (SA_ORDER_ROW (l->data)),
                                sa_order_get_sales_order_number (item)));
      checked++;
    }
  g_list_free (shown);
  g_assert_cmpuint (checked, >=, 5);
}

typedef struct
{
  GtkWidget *list;
  gint64     frame;  /* the list's frame counter when the results loaded */
} LaidOut;

/* Whether the list was laid out for the results loaded at @laid_out->frame:
 * a frame later (its layout and paint, a draw queued to be sure of one), with
 * rows in sight. Whether they show the right orders is for the assertion:
 * this waits for the layout (seconds under load), never for the answer. */
static gboolean
rows_laid_out (gpointer user_data)
{
  LaidOut *laid_out = user_data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (laid_out->list);
  GList *shown;
  guint n_shown;

  if (clock == NULL || gdk_frame_clock_get_frame_counter (clock) <= laid_out->frame)
    return FALSE;
  shown = list_rows_in_sight (laid_out->list);
  n_shown = g_list_length (shown);
  g_list_free (shown);
  return n_shown >= 5;
}

static void
test_scrolled_rows_show_their_orders (void)
{
  g_autofree char *path = g_build_filename (sandbox->data_dir, "sandbox.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  SaOrdersView *view;
  SaWindow *window;
  GtkWidget *list;
  GtkAdjustment *adjustment;
  GListModel *results;
  LaidOut laid_out;
  sqlite3 *db = NULL;

  /* Last: the other tests expect the training data alone. */
  g_assert_true (sa_sandbox_db_open (path, &db, &error));
  g_assert_true (sa_sandbox_db_generate (db, 1, 600, 60, &error));
  g_assert_no_error (error);
  sa_sandbox_db_close (db);

  window = open_orders (&view);
  list = VIEW_CHILD (view, "results_view");
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  results = sa_orders_view_get_results (view);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 400);

  /* Scrolled as a fling does, a step per frame or so. */
  for (guint i = 0; i < 60; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 150);
      sa_test_wait_ms (20);
    }
  g_assert_true (sa_test_wait_until (results_settled, view, 30000));
  sa_test_wait_ms (500);
  g_assert_true (results_settled (view));

  assert_rows_in_sight_show_their_orders (view);

  /* A new search, from the top of the list: its rows are bound before the
   * list is laid out for them; none in sight shows an order of the previous
   * results, even before the rows bound far away are shown (200 ms after the
   * scrolling stops). */
  gtk_adjustment_set_value (adjustment, 0);
  g_assert_true (sa_test_wait_until (results_settled, view, 30000));
  sa_test_wait_ms (500);
  sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "1048576");
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  laid_out.list = list;
  laid_out.frame = gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (list));
  gtk_widget_queue_draw (list);
  g_assert_true (sa_test_wait_until (rows_laid_out, &laid_out, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (sa_orders_view_get_results (view)), >, 20);
  assert_rows_in_sight_show_their_orders (view);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sa_test_init_gtk (&argc, &argv);
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    sa_test_skip_all (TRUE, "needs X11 (XTest) for real key events");

  sandbox = sa_test_sandbox_new ();

  g_test_add_func ("/ui/orders/enter-opens-single-match", test_enter_opens_single_match);
  g_test_add_func ("/ui/orders/down-reaches-results", test_down_reaches_results);
  g_test_add_func ("/ui/orders/no-invisible-focus-stop", test_no_invisible_focus_stop);
  g_test_add_func ("/ui/orders/invalid-search-no-list", test_invalid_search_no_list);
  g_test_add_func ("/ui/orders/other-partner-no-access", test_other_partner_no_access);
  g_test_add_func ("/ui/orders/one-request-per-query", test_one_request_per_query);
  g_test_add_func ("/ui/orders/scrolled-rows-show-their-orders", test_scrolled_rows_show_their_orders);

  ret = g_test_run ();

  sa_test_sandbox_free (sandbox);

  return ret;
}
