/* test-ui-training.c — training that teaches (issue 14) on real widgets:
 * exercises started in the Training Scenarios view and completed through
 * the real widgets (the export hold released, a device registered, a
 * Japanese Virtual Account chosen in the Assign dialog), the completion
 * noticed from the server's state with what was done well and what the
 * documents say; the training controls on the order page; the practice
 * date in the header bar, following the clock controls at once; the Class
 * view of a trainer, following a trainee's progress by itself; French and
 * Italian; the views at 360 px, and there the practice date's short form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-requests-view.h"
#include "sa-order-page.h"
#include "sa-orders-view.h"
#include "sa-sandbox-db.h"
#include "sa-sandbox-scenarios.h"
#include "sa-sandbox-server.h"
#include "sa-ui-util.h"
#include "test-ui-training-util.h"

#define WAIT_MS SA_TRAINING_WAIT_MS

static SaTestSandbox *sandbox;

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
 * shown on the order page, released with the training control. The wrong
 * path first: the export hold released on the customer's other shipped
 * order on hold (104857626, the same Smart Account) is not counted. */
static void
test_export_hold_exercise (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "missing-licenses-export-hold");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857626");
  GtkWidget *controls = sa_training_test_controls_of (page);
  HoldWait released = { page, FALSE };
  g_autofree char *hold_label = NULL;

  /* the wrong order: released, its own licenses arrive, not the ones asked for */
  g_assert_true (sa_order_get_export_hold (sa_order_page_get_order (page)));
  sa_test_click (sa_training_test_control_button (controls, "hold_button"));
  g_assert_true (sa_test_wait_until (page_hold_is, &released, WAIT_MS));
  sa_training_test_assert_not_completed (sandbox, window, "missing-licenses-export-hold");

  /* back to the results (the Back button), then the order asked about */
  sa_training_test_show_view (window, "orders");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "orders.back", NULL));
  g_assert_null (sa_orders_view_get_order_page (sa_window_get_orders_view (window)));
  page = sa_test_open_order_by_search (window, "104857606");
  controls = sa_training_test_controls_of (page);
  released.page = page;
  g_assert_true (gtk_widget_get_visible (controls));
  g_assert_true (sa_order_get_export_hold (sa_order_page_get_order (page)));
  /* shipped: no "Ship" control; on an End Customer account: no device */
  g_assert_false (gtk_widget_get_visible (sa_training_test_control_button (controls, "ship_button")));
  g_assert_false (gtk_widget_get_visible (sa_training_test_control_button (controls, "device_button")));
  hold_label = sa_test_dup_without_mnemonic (gtk_button_get_label (GTK_BUTTON (sa_training_test_control_button (controls,
                                                                                               "hold_button"))));
  g_assert_cmpstr (hold_label, ==, "Release Export Hold");

  sa_test_click (sa_training_test_control_button (controls, "hold_button"));
  g_assert_true (sa_test_wait_until (page_hold_is, &released, WAIT_MS));

  sa_training_test_assert_completed (sandbox, window, "missing-licenses-export-hold");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Exercise "licenses stuck on a Holding account": Register a Device. */
static void
test_device_exercise (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "shipped-on-holding-device");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857616");
  GtkWidget *controls = sa_training_test_controls_of (page);
  AdwMessageDialog *dialog = NULL;
  GtkWidget *entry;

  g_assert_true (gtk_widget_get_visible (sa_training_test_control_button (controls, "device_button")));
  g_assert_false (gtk_widget_get_visible (sa_training_test_control_button (controls, "ship_button")));
  /* shipped: the assignment is locked */
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "shipped_box")));

  sa_training_test_scroll_to_end (controls);
  sa_training_test_shoot (window, "order-controls-en");
  sa_test_click (sa_training_test_control_button (controls, "device_button"));
  g_assert_true (sa_test_wait_until (sa_training_test_message_dialog_open, &dialog, WAIT_MS));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Register a Device");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "FCW857616"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "register"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "clinique-saint-roch.example");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "register"));
  adw_message_dialog_response (dialog, "register");

  g_assert_true (sa_test_wait_until (sa_training_test_holding_cleared, page, WAIT_MS));
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_end_customer (sa_order_page_get_order (page))), ==,
                   "clinique-saint-roch.example");
  g_assert_false (gtk_widget_get_visible (sa_training_test_control_button (controls, "device_button")));

  sa_training_test_assert_completed (sandbox, window, "shipped-on-holding-device");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Exercise "choose a Virtual Account with a Japanese name", in the Assign
 * Smart Account dialog; DEFAULT first (the portal's workaround) does not
 * count. */
static void
test_japanese_exercise (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "japanese-virtual-account");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857609");
  GtkWidget *controls = sa_training_test_controls_of (page);

  /* not shipped, no Holding account: "Ship", no device */
  g_assert_true (gtk_widget_get_visible (sa_training_test_control_button (controls, "ship_button")));
  g_assert_false (gtk_widget_get_visible (sa_training_test_control_button (controls, "device_button")));

  sa_training_test_assign (page, "sakura-trading.example", "DEFAULT");
  /* the wrong path: not counted */
  sa_training_test_assert_not_completed (sandbox, window, "japanese-virtual-account");
  sa_training_test_show_view (window, "orders");
  sa_training_test_assign (page, "sakura-trading.example", "東京オフィス");

  sa_training_test_assert_completed (sandbox, window, "japanese-virtual-account");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *squeezer;
  GtkWidget *label;
} ShortDateWait;

/* The practice date's squeezer shows one of its short forms. */
static gboolean
short_date_shown (gpointer user_data)
{
  ShortDateWait *wait = user_data;
  GtkWidget *shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (wait->squeezer));

  return shown != NULL && shown != wait->label && gtk_widget_get_mapped (shown);
}

/* The practice date in the header bar (shown, @date): at 360 px, where
 * "Practice date: …" cannot fit, a shorter form, not cut to "…": the date
 * alone or its day and month, whole, when one fits beside the rest of the
 * header bar, else a calendar icon; each says the date in full in its
 * tooltip; the window still fits 360 px; @shot saved then
 * (SA_TRAINING_SHOTS). */
static void
assert_practice_date_short (SaWindow   *window,
                            GDateTime  *date,
                            const char *shot)
{
  GtkWidget *label = SA_TEST_CHILD (window, SA_TYPE_WINDOW, "practice_date_label");
  ShortDateWait wait = { gtk_widget_get_parent (label), label };
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  g_autofree char *day = g_strdup_printf ("%d", g_date_time_get_day_of_month (local));
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  GtkWidget *day_label = sa_training_test_find_named (GTK_WIDGET (window), "practice_date_day");
  GtkWidget *icon = sa_training_test_find_named (GTK_WIDGET (window), "practice_date_icon");
  GtkWidget *header_bar = gtk_widget_get_ancestor (label, ADW_TYPE_HEADER_BAR);
  GtkWidget *shown;
  int natural = 0, header = 0, squeezer = 0;

  g_assert_true (ADW_IS_SQUEEZER (wait.squeezer));
  g_assert_nonnull (sa_training_test_find_named (GTK_WIDGET (window), "practice_date_short"));
  g_assert_nonnull (day_label);
  g_assert_nonnull (icon);
  sa_training_test_set_width (window, 360);
  g_assert_true (sa_test_wait_until (short_date_shown, &wait, WAIT_MS));
  shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (wait.squeezer));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (shown), text));
  if (GTK_IS_LABEL (shown))
    {
      const char *short_text = gtk_label_get_text (GTK_LABEL (shown));

      g_test_message ("practice date at 360 px: %s", short_text);
      g_assert_nonnull (strstr (short_text, day));
      g_assert_cmpuint (strlen (short_text), <, strlen (text));
      gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (shown), >=, natural);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (shown))));
    }
  else
    {
      /* the icon only when not even the day and month fit */
      g_assert_true (shown == icon);
      g_test_message ("practice date at 360 px: the icon");
      gtk_widget_measure (header_bar, GTK_ORIENTATION_HORIZONTAL, -1, &header, NULL, NULL, NULL);
      gtk_widget_measure (wait.squeezer, GTK_ORIENTATION_HORIZONTAL, -1, &squeezer, NULL, NULL, NULL);
      gtk_widget_measure (day_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (header - squeezer + natural, >, 360);
    }
  sa_training_test_assert_narrow (window);
  sa_training_test_shoot (window, shot);
}

/* Moves the practice clock 40 days on, as the trainer's controls do.
 * Returns: the practice clock's new time */
static GDateTime *
move_clock (SaWindow *window)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *now;

  sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (sandbox->client), 40, NULL,
                                              sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  now = sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.practice-clock-changed", NULL));

  return now;
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

  g_assert_true (sa_test_wait_until (sa_training_test_has_client, window, WAIT_MS));
  g_assert_false (gtk_widget_get_visible (date_label));

  page = sa_test_open_order_by_search (window, "104857601");
  controls = sa_training_test_controls_of (page);
  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "shipped_box")));
  sa_test_click (sa_training_test_control_button (controls, "ship_button"));
  g_assert_true (sa_test_wait_until (sa_training_test_label_visible, SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "shipped_box"),
                                     WAIT_MS));
  g_assert_false (gtk_widget_get_visible (sa_training_test_control_button (controls, "ship_button")));

  sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (sandbox->client), 40, NULL,
                                              sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  now = sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
  g_assert_no_error (error);
  /* read every few seconds, and when the window is focused again */
  g_assert_true (sa_test_wait_until (sa_training_test_label_visible, date_label, WAIT_MS));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (date_label)), "Practice date: "));
  /* the header bar with the date still fits 360 px */
  sa_training_test_assert_narrow (window);
  sa_training_test_shoot (window, "practice-date-en");
  /* and there the date stays readable */
  assert_practice_date_short (window, now, "practice-date-narrow-en");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_hidden (gpointer label)
{
  return !gtk_widget_get_visible (label);
}

/* The practice date follows a clock change made in this app at once (not
 * at the next read, 5 s later): the trainer's "Move the Clock 30 Days" in
 * the Smart Account requests view, then an exercise started (the data and
 * the clock back at their start). */
static void
test_practice_date_follows (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  GtkWidget *date_label = SA_TEST_CHILD (window, SA_TYPE_WINDOW, "practice_date_label");
  GtkWidget *view = SA_TEST_CHILD (window, SA_TYPE_WINDOW, "account_requests_view");

  g_assert_true (sa_test_wait_until (sa_training_test_has_client, window, WAIT_MS));
  sa_training_test_start_in_view (window, "assign-new-order");
  g_assert_true (sa_test_wait_until (label_hidden, date_label, WAIT_MS));

  sa_training_test_show_view (window, "account-requests");
  sa_test_wait_ms (300);
  sa_test_click (SA_TEST_CHILD (view, SA_TYPE_ACCOUNT_REQUESTS_VIEW, "clock_30_button"));
  g_assert_true (sa_test_wait_until (sa_training_test_label_visible, date_label, 2500));

  sa_training_test_start_in_view (window, "assign-new-order");
  g_assert_true (sa_test_wait_until (label_hidden, date_label, 2500));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
class_loaded (gpointer view)
{
  return sa_class_view_get_trainees (view) != NULL;
}

typedef struct
{
  SaClassView *view;
  const char  *trainee;
  const char  *prefix;
} SubtitleWait;

/* The Class view's row of a trainee says @prefix…. */
static gboolean
subtitle_starts (gpointer user_data)
{
  SubtitleWait *wait = user_data;
  GtkWidget *row = sa_training_test_find_named (GTK_WIDGET (wait->view), wait->trainee);

  return row != NULL && g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), wait->prefix);
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

  g_assert_true (sa_test_wait_until (sa_training_test_has_client, window, WAIT_MS));
  sa_test_wait_ms (300);
  class_page = sa_training_test_page_of (window, "class_page");
  g_assert_false (adw_view_stack_page_get_visible (class_page));
  gtk_window_destroy (GTK_WINDOW (window));

  sa_sandbox_db_open (path, &db, &error);
  g_assert_no_error (error);
  sa_sandbox_set_trainer (db, SA_SANDBOX_TRAINING_USERNAME, TRUE, &error);
  g_assert_no_error (error);
  sqlite3_close_v2 (db);

  window = sa_test_new_window (sandbox);
  class_page = sa_training_test_page_of (window, "class_page");
  g_assert_true (sa_test_wait_until ((SaTestCondition) adw_view_stack_page_get_visible, class_page, WAIT_MS));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack")),
                                         "class");
  view = SA_CLASS_VIEW (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "class_view"));
  g_assert_true (sa_test_wait_until (class_loaded, view, WAIT_MS));
  g_assert_nonnull (sa_training_test_find_named (GTK_WIDGET (view), SA_SANDBOX_TRAINING_USERNAME));
  g_assert_nonnull (sa_test_find_label (GTK_WIDGET (view), "trainee (trainer)"));
  sa_training_test_assert_narrow (window);

  /* a trainee of the class completes an exercise (through the API, as
   * their own app would): the Class view shows it by itself */
  {
    g_autoptr(SaSandboxServer) admin = sa_sandbox_server_new (sandbox->data_dir, &error);
    g_autoptr(SaClient) amelie = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox->sandbox));
    g_autoptr(SaTrainingScenario) started = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    SubtitleWait done = { view, "amelie", "1 of 10 exercises completed" };
    SubtitleWait in_progress = { view, "amelie", "0 of 10 exercises completed · now: " };

    g_assert_no_error (error);
    g_assert_true (sa_sandbox_server_add_trainee (admin, "amelie", "amelie-practice", &error));
    g_assert_no_error (error);
    sa_client_sign_in_async (amelie, "amelie", "amelie-practice", NULL, sa_test_async_ready_cb, NULL);
    result = sa_test_wait_for_result ();
    g_assert_true (sa_client_sign_in_finish (amelie, result, &error));
    g_clear_object (&result);

    sa_desk_client_sandbox_start_scenario_async (SA_DESK_CLIENT (amelie), "missing-licenses-export-hold", NULL,
                                                 sa_test_async_ready_cb, NULL);
    result = sa_test_wait_for_result ();
    started = sa_desk_client_sandbox_start_scenario_finish (SA_DESK_CLIENT (amelie), result, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_true (sa_test_wait_until (subtitle_starts, &in_progress, WAIT_MS));

    sa_desk_client_sandbox_set_export_hold_async (SA_DESK_CLIENT (amelie), "104857606", FALSE, NULL,
                                                  sa_test_async_ready_cb, NULL);
    result = sa_test_wait_for_result ();
    g_assert_true (sa_desk_client_sandbox_set_export_hold_finish (SA_DESK_CLIENT (amelie), result, &error));
    g_assert_true (sa_test_wait_until (subtitle_starts, &done, WAIT_MS));
  }
  sa_training_test_shoot (window, "class-en");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Training Scenarios view in French and Italian. */
static void
test_languages (void)
{
  static const struct { const char *lang, *title, *heading, *goal, *completed, *praise, *practice_date; } cases[] = {
    { "fr", "Affecter une nouvelle commande au compte du client", "Exercices",
      "La Clinique Saint-Roch signale que les licences de la commande 104857606 ", "Terminé le ",
      "Vous avez écarté les causes habituelles", "Date d'entraînement : " },
    { "it", "Assegnare un nuovo ordine all'account del cliente", "Esercizi",
      "La Clinique Saint-Roch segnala che le licenze dell'ordine 104857606 ", "Completato il ",
      "Hai escluso le cause abituali", "Data di esercitazione: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SaWindow *window;
      SaScenariosView *view;

      sa_test_set_language (cases[i].lang);
      window = sa_test_new_window (sandbox);
      view = sa_training_test_scenarios_view (window);
      g_assert_true (sa_test_wait_until (sa_training_test_has_client, window, WAIT_MS));
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack")),
                                             "training-scenarios");
      sa_scenarios_view_refresh (view);
      g_assert_true (sa_test_wait_until (sa_training_test_scenarios_loaded, view, WAIT_MS));
      g_assert_nonnull (sa_test_find_label (GTK_WIDGET (view), cases[i].heading));
      {
        g_autoptr(SaTrainingScenario) first = g_list_model_get_item (sa_scenarios_view_get_scenarios (view), 0);

        g_assert_cmpstr (sa_training_scenario_get_name (first), ==, cases[i].title);
      }
      {
        g_autofree char *name = g_strconcat ("scenarios-", cases[i].lang, NULL);
        g_autofree char *order = g_strconcat ("order-controls-", cases[i].lang, NULL);
        SaOrderPage *page;

        sa_training_test_shoot (window, name);
        page = sa_test_open_order_by_search (window, "104857611");
        g_assert_true (gtk_widget_get_visible (sa_training_test_controls_of (page)));
        sa_training_test_scroll_to_end (sa_training_test_controls_of (page));
        sa_training_test_shoot (window, order);
      }
      {
        /* an exercise's goal, and its completion, in the language */
        SaOrderPage *page;
        HoldWait released = { NULL, FALSE };
        const char *text;

        sa_training_test_start_in_view (window, "missing-licenses-export-hold");
        text = gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "current_goal")));
        g_assert_true (g_str_has_prefix (text, cases[i].goal));
        page = sa_test_open_order_by_search (window, "104857606");
        released.page = page;
        sa_test_click (sa_training_test_control_button (sa_training_test_controls_of (page), "hold_button"));
        g_assert_true (sa_test_wait_until (page_hold_is, &released, WAIT_MS));
        sa_training_test_assert_completed (sandbox, window, "missing-licenses-export-hold");
        text = gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "completed_label")));
        g_assert_true (g_str_has_prefix (text, cases[i].completed));
        text = gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "praise_label")));
        g_assert_true (g_str_has_prefix (text, cases[i].praise));
        sa_training_test_assert_narrow (window);
        {
          g_autofree char *name = g_strconcat ("completed-", cases[i].lang, NULL);

          sa_training_test_shoot (window, name);
        }
      }
      {
        /* the practice date, and its short form at 360 px, in the language */
        g_autofree char *name = g_strconcat ("practice-date-narrow-", cases[i].lang, NULL);
        GtkWidget *date_label = SA_TEST_CHILD (window, SA_TYPE_WINDOW, "practice_date_label");
        g_autoptr(GDateTime) now = move_clock (window);

        g_assert_true (sa_test_wait_until (sa_training_test_label_visible, date_label, WAIT_MS));
        g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (date_label)), cases[i].practice_date));
        assert_practice_date_short (window, now, name);
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
  g_test_add_func ("/ui/training/practice-date-follows", test_practice_date_follows);
  g_test_add_func ("/ui/training/class-view", test_class_view);
  g_test_add_func ("/ui/training/languages", test_languages);

  ret = g_test_run ();

  sa_test_sandbox_free (sandbox);

  return ret;
}
