/* test-ui-procedure-panel.c — the procedure panel beside a wide page and
 * over a narrow one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panel is the flap of an AdwFlap (fold-policy auto, locked). At
 * 1280 px it lies beside the page and follows the GSettings key
 * show-procedure-panel, its toggle and F9 flip the key. At 360 px the flap
 * folds over the page: even with the key on (the training default) the page
 * is what the user sees; the toggle (or F9) opens the panel over the page
 * with the focus on its close button, Escape or the close button closes it
 * and the focus goes back to the toggle; the key is never changed there.
 * Checked on the Orders view, the order page, the Assign Smart Account
 * dialog and a wizard; Escape also as a real key press (xdotool), which the
 * wizard and the order page would otherwise take for themselves.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "sa-account-request-wizard-private.h"
#include "sa-order-page-private.h"
#include "sa-procedure-panel.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"

#define NARROW 360
#define WIDE 1280

static SaTestSandbox *sandbox;

static gboolean
get_key (void)
{
  return g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel");
}

static gboolean
is_width (GtkWidget *window,
          int        width)
{
  return gtk_widget_get_width (window) == width;
}

static gboolean
is_narrow (gpointer window)
{
  return is_width (window, NARROW);
}

/* The Xvfb screen is 1280 px wide: the window's frame may take a few. */
static gboolean
is_wide (gpointer window)
{
  return gtk_widget_get_width (window) >= WIDE - 20;
}

/* Sizes @window's content to @width px (the frame added under Xvfb). */
static void
size_window (GtkWidget *window,
             int        width)
{
  SaTestCondition reached = width == NARROW ? is_narrow : is_wide;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  sa_test_wait_ms (300);
  if (!sa_test_wait_until (reached, window, 3000))
    {
      int frame = 0, child = 0;

      gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &frame, NULL, NULL, NULL);
      gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1,
                          &child, NULL, NULL, NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), width + frame - child, 700);
      sa_test_wait_until (reached, window, 3000);
    }
  /* Let the flap fold or unfold and its animations end. */
  sa_test_wait_ms (600);
  g_assert_true (reached (window));
}

/* The toggle of the panel under @root: a toggle button whose action is
 * "settings.show-procedure-panel". */
static GtkWidget *
find_toggle (GtkWidget *root)
{
  if (GTK_IS_TOGGLE_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "settings.show-procedure-panel") == 0 &&
      gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The mapped procedure panel under @root. */
static SaProcedurePanel *
find_panel (GtkWidget *root)
{
  if (SA_IS_PROCEDURE_PANEL (root) && gtk_widget_get_mapped (gtk_widget_get_parent (root)))
    return SA_PROCEDURE_PANEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SaProcedurePanel *found = find_panel (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Escape on @widget, FALSE when it binds none. */
static gboolean
activate_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* Escape pressed on the focus widget: the first of it and its ancestors
 * that takes it, as the key bubbles up. */
static void
press_escape (GtkWidget *focus)
{
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (activate_escape (widget))
      return;
  g_error ("No widget took Escape");
}

static GtkWidget *
get_focus (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

static gboolean
has_focus_inside (GtkWidget *widget)
{
  GtkWidget *focus = get_focus (widget);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* With SA_TEST_SCREENSHOT_DIR set: @widget's window saved there as
 * panel-NAME.png, for a person to look at. */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("SA_TEST_SCREENSHOT_DIR");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  sa_test_wait_ms (400);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("panel-%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* At 360 px: hidden though the key is on; opened by the toggle with the
 * focus on its close button, closed by Escape then by the close button, the
 * focus back on the toggle; the key untouched. */
static void
check_narrow (GtkWidget *window)
{
  SaProcedurePanel *panel = find_panel (window);
  GtkWidget *toggle = find_toggle (window);
  AdwFlap *flap;
  GtkWidget *close_button;

  g_assert_nonnull (panel);
  g_assert_nonnull (toggle);
  flap = ADW_FLAP (gtk_widget_get_parent (GTK_WIDGET (panel)));
  close_button = sa_test_find_widget_of_type (GTK_WIDGET (panel), GTK_TYPE_BUTTON);
  g_assert_nonnull (close_button);

  g_assert_true (get_key ());
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (sa_procedure_panel_get_shown (panel));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* The toggle opens it over the page. */
  gtk_widget_grab_focus (toggle);
  sa_test_click (toggle);
  sa_test_wait_ms (300);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (sa_procedure_panel_get_shown (panel));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (get_key ());
  g_assert_true (gtk_widget_get_visible (close_button));
  g_assert_true (get_focus (window) == close_button);
  save_shot (window, G_OBJECT_TYPE_NAME (window));

  /* Escape closes it; the focus is back where the user was. */
  press_escape (get_focus (window));
  sa_test_wait_ms (300);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (get_focus (window) == toggle);
  g_assert_true (get_key ());

  /* Its close button too. */
  sa_test_click (toggle);
  sa_test_wait_ms (300);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  sa_test_click (close_button);
  sa_test_wait_ms (300);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_true (get_focus (window) == toggle);

  /* And the toggle, pressed again. */
  sa_test_click (toggle);
  sa_test_wait_ms (300);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  sa_test_click (toggle);
  sa_test_wait_ms (300);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (has_focus_inside (GTK_WIDGET (panel)));
  g_assert_true (get_key ());
}

/* At 1280 px: beside the page as the key says, the toggle flips the key;
 * no close button there. */
static void
check_wide (GtkWidget *window)
{
  SaProcedurePanel *panel = find_panel (window);
  GtkWidget *toggle = find_toggle (window);
  GtkWidget *close_button;
  AdwFlap *flap;

  g_assert_nonnull (panel);
  g_assert_nonnull (toggle);
  flap = ADW_FLAP (gtk_widget_get_parent (GTK_WIDGET (panel)));
  close_button = sa_test_find_widget_of_type (GTK_WIDGET (panel), GTK_TYPE_BUTTON);

  g_assert_true (get_key ());
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_false (gtk_widget_get_visible (close_button));

  sa_test_click (toggle);
  sa_test_wait_ms (300);
  g_assert_false (get_key ());
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  sa_test_click (toggle);
  sa_test_wait_ms (300);
  g_assert_true (get_key ());
  g_assert_true (adw_flap_get_reveal_flap (flap));
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/* Escape pressed through the X server, as a keyboard would, in @window.
 * FALSE when that cannot be done here (no xdotool, not X11). */
static gboolean
press_real_escape (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;

  command = g_strdup_printf ("%s windowfocus --sync %lu", xdotool, (gulong) gdk_x11_surface_get_xid (surface));
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  sa_test_wait_until (window_active, window, 2000);
  sa_test_wait_ms (300);
  g_free (command);
  command = g_strdup_printf ("%s key --clearmodifiers Escape", xdotool);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  sa_test_wait_ms (500);
  return TRUE;
}

/* The Orders view and the order page, narrow then wide then narrow again
 * (an open panel over the page does not outlive the fold either). */
static void
test_main_window (void)
{
  SaWindow *window;
  SaOrdersView *view;
  SaOrderPage *page;
  SaAssignDialog *dialog;
  g_autoptr(SaOrder) order = NULL;

  g_settings_set_boolean (sa_ui_get_settings (), "show-procedure-panel", TRUE);
  window = sa_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 700);
  sa_window_set_client (window, sandbox->client, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  view = sa_window_get_orders_view (window);
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  size_window (GTK_WIDGET (window), NARROW);
  check_narrow (GTK_WIDGET (window));

  /* Opened over the page, then the window widens: beside it, as the key. */
  sa_test_click (find_toggle (GTK_WIDGET (window)));
  size_window (GTK_WIDGET (window), WIDE);
  check_wide (GTK_WIDGET (window));

  /* Narrow again: hidden again. */
  size_window (GTK_WIDGET (window), NARROW);
  check_narrow (GTK_WIDGET (window));

  order = sa_test_find_order (sandbox->client, sa_test_order_is_changeable_without_end_customer, NULL);
  g_assert_nonnull (order);
  page = sa_orders_view_open_order (view, sa_order_get_sales_order_number (order));
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));
  sa_test_wait_ms (400);
  check_narrow (GTK_WIDGET (page));

  /* A real Escape over the open panel closes the panel; the order page,
   * whose own Escape goes back to the orders, stays. */
  sa_test_click (find_toggle (GTK_WIDGET (page)));
  sa_test_wait_ms (300);
  g_assert_true (sa_procedure_panel_get_shown (find_panel (GTK_WIDGET (page))));
  if (press_real_escape (GTK_WIDGET (window)))
    {
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
      g_assert_false (sa_procedure_panel_get_shown (find_panel (GTK_WIDGET (page))));
    }
  else
    sa_test_click (find_toggle (GTK_WIDGET (page)));

  size_window (GTK_WIDGET (window), WIDE);
  check_wide (GTK_WIDGET (page));

  /* The Assign Smart Account dialog, its own window. */
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_edit_button"));
  dialog = sa_order_page_get_assign_dialog (page);
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), NARROW, 700);
  size_window (GTK_WIDGET (dialog), NARROW);
  check_narrow (GTK_WIDGET (dialog));
  size_window (GTK_WIDGET (dialog), WIDE);
  check_wide (GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
wizard_draft_checked (gpointer user_data)
{
  return sa_account_request_wizard_get_draft_checked (user_data);
}

/* A wizard (Request a Smart Account), its own window. */
static void
test_wizard (void)
{
  GtkWidget *holder = gtk_window_new ();
  SaAccountRequestWizard *wizard;
  GtkWidget *weak_wizard;

  g_settings_set_boolean (sa_ui_get_settings (), "show-procedure-panel", TRUE);
  gtk_window_present (GTK_WINDOW (holder));
  wizard = sa_account_request_wizard_new (sandbox->client, GTK_WINDOW (holder));
  gtk_window_set_default_size (GTK_WINDOW (wizard), NARROW, 700);
  gtk_window_present (GTK_WINDOW (wizard));
  sa_test_wait_until (wizard_draft_checked, wizard, 10000);
  size_window (GTK_WIDGET (wizard), NARROW);
  check_narrow (GTK_WIDGET (wizard));

  /* A real Escape over the open panel closes the panel, not the wizard
   * (whose own Escape closes it). */
  weak_wizard = GTK_WIDGET (wizard);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &weak_wizard);
  sa_test_click (find_toggle (GTK_WIDGET (wizard)));
  sa_test_wait_ms (300);
  g_assert_true (sa_procedure_panel_get_shown (find_panel (GTK_WIDGET (wizard))));
  if (press_real_escape (GTK_WIDGET (wizard)))
    {
      g_assert_nonnull (weak_wizard);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard)));
      g_assert_false (sa_procedure_panel_get_shown (find_panel (GTK_WIDGET (wizard))));
      g_assert_true (get_focus (GTK_WIDGET (wizard)) == find_toggle (GTK_WIDGET (wizard)));
    }
  else
    {
      g_test_message ("No xdotool on X11 here: Escape checked through the flap's binding only");
      sa_test_click (find_toggle (GTK_WIDGET (wizard)));
    }
  g_object_remove_weak_pointer (G_OBJECT (wizard), (gpointer *) &weak_wizard);

  size_window (GTK_WIDGET (wizard), WIDE);
  check_wide (GTK_WIDGET (wizard));

  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (holder));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sa_test_init_gtk (&argc, &argv);
  sa_test_set_language ("en");
  sandbox = sa_test_sandbox_new ();

  g_test_add_func ("/ui/procedure-panel/main-window", test_main_window);
  g_test_add_func ("/ui/procedure-panel/wizard", test_wizard);

  status = g_test_run ();

  sa_test_sandbox_free (sandbox);

  return status;
}
