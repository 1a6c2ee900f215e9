/* test-ui-training.c — training that teaches (issue 14) on real widgets:
 * exercises started in the Training Scenarios view and completed through
 * the real widgets (the export hold released, a device registered, a
 * Japanese Virtual Account chosen in the Assign dialog), the completion
 * noticed from the server's state with what was done well and what the
 * documents say; the training controls on the order page; the practice
 * date in the header bar; the Class view of a trainer; French and Italian
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-assign-dialog.h"
#include "sa-class-view.h"
#include "sa-order-page.h"
#include "sa-order-row.h"
#include "sa-orders-view.h"
#include "sa-sandbox-db.h"
#include "sa-sandbox-scenarios.h"
#include "sa-scenarios-view.h"
#include "sa-training-order-controls.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"
#include "sa-window.h"

#define WAIT_MS 30000

static SaTestSandbox *sandbox;

/* With SA_TRAINING_SHOTS=DIR, the window is saved as DIR/NAME.png at the
 * points worth a look (reviewing the layout and the translations). */
static void
shoot (SaWindow   *window,
       const char *name)
{
  const char *dir = g_getenv ("SA_TRAINING_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  sa_test_wait_ms (400);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static SaScenariosView *
scenarios_view (SaWindow *window)
{
  return SA_SCENARIOS_VIEW (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "scenarios_view"));
}

static AdwViewStackPage *
page_of (SaWindow   *window,
         const char *name)
{
  return ADW_VIEW_STACK_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), SA_TYPE_WINDOW, name));
}

static gboolean
has_training_client (gpointer window)
{
  return sa_window_get_training_client (window) != NULL;
}

static gboolean
scenarios_loaded (gpointer view)
{
  return sa_scenarios_view_is_loaded (view);
}

/* The widget named @name under @root (depth first), or NULL. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  GtkWidget *child;

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  SaScenariosView  *view;
  const char       *id;
  SaScenarioStatus  status;
} StatusWait;

static gboolean
scenario_has_status (gpointer user_data)
{
  StatusWait *wait = user_data;
  GListModel *scenarios = sa_scenarios_view_get_scenarios (wait->view);
  guint i;

  for (i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (sa_training_scenario_get_id (s), wait->id) == 0)
        return sa_training_scenario_get_status (s) == wait->status && sa_training_scenario_is_current (s);
    }

  return FALSE;
}

static void
wait_status (SaScenariosView  *view,
             const char       *id,
             SaScenarioStatus  status)
{
  StatusWait wait = { view, id, status };

  /* the view polls every few seconds while shown */
  g_assert_true (sa_test_wait_until (scenario_has_status, &wait, WAIT_MS));
}

/* The window, on the Training Scenarios view, with @id started by its
 * Start button. */
static SaWindow *
start_in_view (const char *id)
{
  SaWindow *window = sa_test_new_window (sandbox);
  AdwViewStack *stack = ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack"));
  SaScenariosView *view = scenarios_view (window);
  g_autofree char *button_name = g_strconcat ("start-", id, NULL);
  GtkWidget *button;

  g_assert_true (sa_test_wait_until (has_training_client, window, WAIT_MS));
  g_assert_true (adw_view_stack_page_get_visible (page_of (window, "scenarios_page")));
  adw_view_stack_set_visible_child_name (stack, "training-scenarios");
  g_assert_true (sa_test_wait_until (scenarios_loaded, view, WAIT_MS));

  button = find_named (GTK_WIDGET (view), button_name);
  g_assert_nonnull (button);
  sa_test_click (button);
  wait_status (view, id, SA_SCENARIO_STARTED);

  /* the goal is stated */
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "current_group")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "current_goal"))), !=,
                   "");
  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "completed_box")));

  return window;
}

/* Back on the Training Scenarios view: completed, with what was done well
 * and what the documents say. */
static void
assert_completed (SaWindow   *window,
                  const char *id)
{
  AdwViewStack *stack = ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack"));
  SaScenariosView *view = scenarios_view (window);

  adw_view_stack_set_visible_child_name (stack, "training-scenarios");
  wait_status (view, id, SA_SCENARIO_COMPLETED);
  g_assert_true (sa_test_wait_until ((SaTestCondition) gtk_widget_get_visible,
                                     SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "completed_box"), WAIT_MS));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "praise_label"))), !=,
                   "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "documents_label"))),
                   !=, "");
  shoot (window, id);
}

static GtkWidget *
controls_of (SaOrderPage *page)
{
  GtkWidget *controls = sa_test_find_widget_of_type (GTK_WIDGET (page), SA_TYPE_TRAINING_ORDER_CONTROLS);

  g_assert_true (SA_IS_TRAINING_ORDER_CONTROLS (controls));
  return controls;
}

/* Scrolls the page of @widget to its end, for a screenshot. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;

  if (scrolled == NULL)
    return;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  sa_test_wait_ms (300);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
}

static GtkWidget *
control_button (GtkWidget  *controls,
                const char *name)
{
  return SA_TEST_CHILD (controls, SA_TYPE_TRAINING_ORDER_CONTROLS, name);
}

typedef struct
{
  SaOrderPage *page;
  gboolean     export_hold;
} HoldWait;

static gboolean
page_hold_is (gpointer user_data)
{
  HoldWait *wait = user_data;
  SaOrder *order = sa_order_page_get_order (wait->page);

  return order != NULL && sa_order_get_export_hold (order) == wait->export_hold &&
         sa_test_order_page_idle (wait->page);
}

/* Exercise "find why an order's licenses are missing": the export hold
 * shown on the order page, released with the training control. */
static void
test_export_hold_exercise (void)
{
  SaWindow *window = start_in_view ("missing-licenses-export-hold");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857606");
  GtkWidget *controls = controls_of (page);
  HoldWait released = { page, FALSE };
  g_autofree char *hold_label = NULL;

  g_assert_true (gtk_widget_get_visible (controls));
  g_assert_true (sa_order_get_export_hold (sa_order_page_get_order (page)));
  /* shipped: no "Ship" control; on an End Customer account: no device */
  g_assert_false (gtk_widget_get_visible (control_button (controls, "ship_button")));
  g_assert_false (gtk_widget_get_visible (control_button (controls, "device_button")));
  hold_label = sa_test_dup_without_mnemonic (gtk_button_get_label (GTK_BUTTON (control_button (controls,
                                                                                               "hold_button"))));
  g_assert_cmpstr (hold_label, ==, "Release Export Hold");

  sa_test_click (control_button (controls, "hold_button"));
  g_assert_true (sa_test_wait_until (page_hold_is, &released, WAIT_MS));

  assert_completed (window, "missing-licenses-export-hold");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
message_dialog_open (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint i;

  for (i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          *(AdwMessageDialog **) user_data = ADW_MESSAGE_DIALOG (w);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
page_holding_cleared (gpointer page)
{
  SaOrder *order = sa_order_page_get_order (page);

  return order != NULL && sa_order_get_holding (order) == NULL && sa_order_get_end_customer (order) != NULL &&
         sa_test_order_page_idle (page);
}

/* Exercise "licenses stuck on a Holding account": Register a Device. */
static void
test_device_exercise (void)
{
  SaWindow *window = start_in_view ("shipped-on-holding-device");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857616");
  GtkWidget *controls = controls_of (page);
  AdwMessageDialog *dialog = NULL;
  GtkWidget *entry;

  g_assert_true (gtk_widget_get_visible (control_button (controls, "device_button")));
  g_assert_false (gtk_widget_get_visible (control_button (controls, "ship_button")));
  /* shipped: the assignment is locked */
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "shipped_box")));

  scroll_to_end (controls);
  shoot (window, "order-controls-en");
  sa_test_click (control_button (controls, "device_button"));
  g_assert_true (sa_test_wait_until (message_dialog_open, &dialog, WAIT_MS));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Register a Device");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "FCW857616"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "register"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "clinique-saint-roch.example");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "register"));
  adw_message_dialog_response (dialog, "register");

  g_assert_true (sa_test_wait_until (page_holding_cleared, page, WAIT_MS));
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_end_customer (sa_order_page_get_order (page))), ==,
                   "clinique-saint-roch.example");
  g_assert_false (gtk_widget_get_visible (control_button (controls, "device_button")));

  assert_completed (window, "shipped-on-holding-device");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
va_loaded (gpointer dropdown)
{
  return sa_test_virtual_accounts_loaded (dropdown);
}

/* Exercise "choose a Virtual Account with a Japanese name", in the Assign
 * Smart Account dialog; DEFAULT first (the portal's workaround) does not
 * count. */
static void
assign_va (SaOrderPage *page,
           const char  *domain,
           const char  *virtual_account)
{
  SaAssignDialog *dialog;
  GtkDropDown *va_dropdown;
  GtkListBox *results;
  GtkListBoxRow *row;
  GListModel *vas;
  GtkCheckButton *terms;
  AdwMessageDialog *confirm;

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "section_revealer"))))
    sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "banner_button"));
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_edit_button"));
  dialog = sa_order_page_get_assign_dialog (page);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_entry")), domain);
  sa_test_click (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_button"));
  g_assert_true (sa_test_wait_until (sa_test_results_shown,
                                     SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_stack"), WAIT_MS));
  results = GTK_LIST_BOX (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_list"));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    {
      gtk_list_box_select_row (results, row);
      if (g_strcmp0 (sa_smart_account_get_domain (sa_assign_dialog_get_selected_account (dialog)), domain) == 0)
        break;
    }
  g_assert_nonnull (row);
  va_dropdown = GTK_DROP_DOWN (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "va_dropdown"));
  g_assert_true (sa_test_wait_until (va_loaded, va_dropdown, WAIT_MS));
  vas = gtk_drop_down_get_model (va_dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (vas); i++)
    {
      g_autoptr(SaVirtualAccount) va = g_list_model_get_item (vas, i);

      if (g_strcmp0 (sa_virtual_account_get_name (va), virtual_account) == 0)
        gtk_drop_down_set_selected (va_dropdown, i);
    }
  sa_test_click (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "assign_button"));

  terms = GTK_CHECK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "terms_check"));
  gtk_check_button_set_active (terms, TRUE);
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "submit_button"));
  confirm = ADW_MESSAGE_DIALOG (sa_order_page_get_submit_dialog (page));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "yes");
  g_assert_true (sa_test_wait_until (sa_test_order_page_idle, page, WAIT_MS));
  g_assert_null (sa_order_page_get_error_message (page));
}

static void
test_japanese_exercise (void)
{
  SaWindow *window = start_in_view ("japanese-virtual-account");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857609");
  GtkWidget *controls = controls_of (page);

  /* not shipped, no Holding account: "Ship", no device */
  g_assert_true (gtk_widget_get_visible (control_button (controls, "ship_button")));
  g_assert_false (gtk_widget_get_visible (control_button (controls, "device_button")));

  assign_va (page, "sakura-trading.example", "DEFAULT");
  {
    /* the wrong path: not counted */
    StatusWait wait = { scenarios_view (window), "japanese-virtual-account", SA_SCENARIO_STARTED };

    sa_scenarios_view_refresh (scenarios_view (window));
    sa_test_wait_ms (500);
    g_assert_true (sa_test_wait_until (scenario_has_status, &wait, WAIT_MS));
  }
  assign_va (page, "sakura-trading.example", "東京オフィス");

  assert_completed (window, "japanese-virtual-account");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget  *label;
} PracticeWait;

static gboolean
label_visible (gpointer label)
{
  return gtk_widget_get_visible (label);
}

/* "Ship This Order" shows the SHIPPED lock; the practice date appears once
 * the clock moves. */
static void
test_ship_and_practice_date (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  GtkWidget *date_label = SA_TEST_CHILD (window, SA_TYPE_WINDOW, "practice_date_label");
  SaOrderPage *page;
  GtkWidget *controls;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_test_wait_until (has_training_client, window, WAIT_MS));
  g_assert_false (gtk_widget_get_visible (date_label));

  page = sa_test_open_order_by_search (window, "104857601");
  controls = controls_of (page);
  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "shipped_box")));
  sa_test_click (control_button (controls, "ship_button"));
  g_assert_true (sa_test_wait_until (label_visible, SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "shipped_box"),
                                     WAIT_MS));
  g_assert_false (gtk_widget_get_visible (control_button (controls, "ship_button")));

  sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (sandbox->client), 40, NULL,
                                              sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  now = sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
  g_assert_no_error (error);
  /* read every few seconds, and when the window is focused again */
  g_assert_true (sa_test_wait_until (label_visible, date_label, WAIT_MS));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (date_label)), "Practice date: "));
  shoot (window, "practice-date-en");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
class_loaded (gpointer view)
{
  return sa_class_view_get_trainees (view) != NULL;
}

/* The Class view: hidden from a trainee, shown to a trainer with each
 * trainee's progress. */
static void
test_class_view (void)
{
  g_autofree char *path = g_build_filename (sandbox->data_dir, "sandbox.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  AdwViewStackPage *class_page;
  SaWindow *window = sa_test_new_window (sandbox);
  SaClassView *view;
  sqlite3 *db = NULL;

  g_assert_true (sa_test_wait_until (has_training_client, window, WAIT_MS));
  sa_test_wait_ms (300);
  class_page = page_of (window, "class_page");
  g_assert_false (adw_view_stack_page_get_visible (class_page));
  gtk_window_destroy (GTK_WINDOW (window));

  sa_sandbox_db_open (path, &db, &error);
  g_assert_no_error (error);
  sa_sandbox_set_trainer (db, SA_SANDBOX_TRAINING_USERNAME, TRUE, &error);
  g_assert_no_error (error);
  sqlite3_close_v2 (db);

  window = sa_test_new_window (sandbox);
  class_page = page_of (window, "class_page");
  g_assert_true (sa_test_wait_until ((SaTestCondition) adw_view_stack_page_get_visible, class_page, WAIT_MS));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack")),
                                         "class");
  view = SA_CLASS_VIEW (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "class_view"));
  g_assert_true (sa_test_wait_until (class_loaded, view, WAIT_MS));
  g_assert_nonnull (find_named (GTK_WIDGET (view), SA_SANDBOX_TRAINING_USERNAME));
  g_assert_nonnull (sa_test_find_label (GTK_WIDGET (view), "trainee (trainer)"));
  shoot (window, "class-en");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Training Scenarios view in French and Italian. */
static void
test_languages (void)
{
  static const struct { const char *lang, *title, *heading; } cases[] = {
    { "fr", "Affecter une nouvelle commande au compte du client", "Exercices" },
    { "it", "Assegnare un nuovo ordine all'account del cliente", "Esercizi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SaWindow *window;
      SaScenariosView *view;

      sa_test_set_language (cases[i].lang);
      window = sa_test_new_window (sandbox);
      view = scenarios_view (window);
      g_assert_true (sa_test_wait_until (has_training_client, window, WAIT_MS));
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack")),
                                             "training-scenarios");
      sa_scenarios_view_refresh (view);
      g_assert_true (sa_test_wait_until (scenarios_loaded, view, WAIT_MS));
      g_assert_nonnull (sa_test_find_label (GTK_WIDGET (view), cases[i].heading));
      {
        g_autoptr(SaTrainingScenario) first = g_list_model_get_item (sa_scenarios_view_get_scenarios (view), 0);

        g_assert_cmpstr (sa_training_scenario_get_name (first), ==, cases[i].title);
      }
      {
        g_autofree char *name = g_strconcat ("scenarios-", cases[i].lang, NULL);
        g_autofree char *order = g_strconcat ("order-controls-", cases[i].lang, NULL);
        SaOrderPage *page;

        shoot (window, name);
        page = sa_test_open_order_by_search (window, "104857611");
        g_assert_true (gtk_widget_get_visible (controls_of (page)));
        scroll_to_end (controls_of (page));
        shoot (window, order);
      }
      gtk_window_destroy (GTK_WINDOW (window));
    }
  sa_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();

  g_test_add_func ("/ui/training/export-hold-exercise", test_export_hold_exercise);
  g_test_add_func ("/ui/training/device-exercise", test_device_exercise);
  g_test_add_func ("/ui/training/japanese-exercise", test_japanese_exercise);
  g_test_add_func ("/ui/training/ship-and-practice-date", test_ship_and_practice_date);
  g_test_add_func ("/ui/training/class-view", test_class_view);
  g_test_add_func ("/ui/training/languages", test_languages);

  ret = g_test_run ();

  sa_test_sandbox_free (sandbox);

  return ret;
}
