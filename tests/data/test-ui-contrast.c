/* test-ui-contrast.c — the custom surfaces in dark and in high contrast
 *
 * A note, a banner and a neutral status pill (the classes of style.css),
 * styled the way the application styles them: an AdwApplication with the
 * application's resource base path, which loads style.css and, in high
 * contrast, style-hc.css. Each is drawn light, dark and high contrast; the
 * test checks that dark changes the surfaces and that high contrast draws an
 * outline at their edge, where the light drawing has none. High contrast is
 * asked for as the desktop asks: the GSettings key high-contrast of
 * org.gnome.desktop.a11y.interface (memory backend, no portal).
 * With SA_TEST_SCREENSHOT_DIR set, the three drawings are saved there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-status-pill.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"

typedef struct
{
  GtkWidget *window;
  GtkWidget *note;
  GtkWidget *banner;
  GtkWidget *pill;
} Surfaces;

static GSettings *a11y_settings;
static int test_status;

static GtkWidget *
new_surface (const char *css_class,
             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, css_class);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-information-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static Surfaces *
surfaces_new (GtkApplication *app)
{
  Surfaces *s = g_new0 (Surfaces, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  s->window = gtk_application_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (s->window), 420, 220);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);

  s->note = new_surface ("sa-note", "A shipped order can no longer be moved.");
  s->banner = new_surface ("sa-banner", "View or change Smart Account Assignments");
  s->pill = sa_status_pill_new ();
  sa_status_pill_set (SA_STATUS_PILL (s->pill), "Pending", "neutral");
  gtk_widget_set_halign (s->pill, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), s->note);
  gtk_box_append (GTK_BOX (box), s->banner);
  gtk_box_append (GTK_BOX (box), s->pill);
  gtk_window_set_child (GTK_WINDOW (s->window), box);
  gtk_window_present (GTK_WINDOW (s->window));
  sa_test_wait_ms (300);

  return s;
}

/* @widget as drawn now; saved as @name.png under SA_TEST_SCREENSHOT_DIR. */
static GdkTexture *
draw (GtkWidget  *widget,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const char *dir = g_getenv ("SA_TEST_SCREENSHOT_DIR");
  GdkTexture *texture;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir != NULL && name != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", name);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_mkdir_with_parents (dir, 0755);
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("screenshot: %s", path);
    }

  return texture;
}

/* The pixel at (@x, @y) of @texture, as 0xAARRGGBB. */
static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *data = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) data, (gsize) width * 4);
  return data[y * width + x];
}

static int
distance (guint32 a,
          guint32 b)
{
  int d = 0;

  for (int shift = 0; shift < 32; shift += 8)
    d += ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));
  return d;
}

/* The middle of @widget's left edge (the outline's place) and a pixel inside
 * it, from a drawing of the whole window: the surfaces are translucent over
 * the window's background. */
static void
edge_and_inside (GtkWidget  *widget,
                 const char *name,
                 guint32    *edge,
                 guint32    *inside)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkTexture) texture = draw (window, name);
  graphene_rect_t bounds;
  int x, y;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  x = (int) bounds.origin.x;
  y = (int) (bounds.origin.y + bounds.size.height / 2);
  g_assert_cmpint (x + 4, <, gdk_texture_get_width (texture));
  g_assert_cmpint (y, <, gdk_texture_get_height (texture));
  *edge = pixel_at (texture, x, y);
  *inside = pixel_at (texture, x + 4, y);
}

static void
set_high_contrast (gboolean high_contrast)
{
  g_settings_set_boolean (a11y_settings, "high-contrast", high_contrast);
  sa_test_wait_ms (300);
  g_assert_cmpint (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()), ==, high_contrast);
}

static void
test_contrast (GtkApplication *app)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  Surfaces *s;
  GtkWidget *surfaces[3];
  const char *names[] = { "note", "banner", "pill" };

  g_assert_true (g_resources_get_info (SA_RESOURCE_PATH "/style-hc.css", 0, NULL, NULL, NULL));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  s = surfaces_new (app);
  surfaces[0] = s->note;
  surfaces[1] = s->banner;
  surfaces[2] = s->pill;

  for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
    {
      g_autofree char *light_name = g_strdup_printf ("contrast-%s-light", names[i]);
      g_autofree char *dark_name = g_strdup_printf ("contrast-%s-dark", names[i]);
      g_autofree char *hc_name = g_strdup_printf ("contrast-%s-hc", names[i]);
      guint32 light_edge, light_inside, dark_edge, dark_inside, hc_edge, hc_inside;

      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      set_high_contrast (FALSE);
      edge_and_inside (surfaces[i], light_name, &light_edge, &light_inside);

      /* Dark: the surface is redrawn in the dark palette. */
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      sa_test_wait_ms (300);
      g_assert_true (adw_style_manager_get_dark (manager));
      edge_and_inside (surfaces[i], dark_name, &dark_edge, &dark_inside);
      g_test_message ("%s: light %08x dark %08x", names[i], light_inside, dark_inside);
      g_assert_cmpint (distance (light_inside, dark_inside), >, 60);

      /* High contrast (light): an outline at the edge, none before. */
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      set_high_contrast (TRUE);
      edge_and_inside (surfaces[i], hc_name, &hc_edge, &hc_inside);
      g_test_message ("%s: edge light %08x, high contrast %08x (inside %08x)",
                      names[i], light_edge, hc_edge, hc_inside);
      g_assert_cmpint (distance (light_edge, hc_edge), >, 60);
      g_assert_cmpint (distance (hc_edge, hc_inside), >, 60);
      g_assert_cmpint (distance (light_edge, light_inside), <, 30);
      set_high_contrast (FALSE);
    }

  gtk_window_destroy (GTK_WINDOW (s->window));
  g_free (s);
}

static void
activate (GApplication *app)
{
  g_application_hold (app);
  g_test_add_data_func ("/contrast/dark-and-high-contrast", app, (GTestDataFunc) test_contrast);
  test_status = g_test_run ();
  g_application_release (app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  /* No settings portal: libadwaita reads the desktop's GSettings. */
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  sa_test_init_gtk (&argc, &argv);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            "org.gnome.desktop.a11y.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "high-contrast"))
    sa_test_skip_all (TRUE, "no org.gnome.desktop.a11y.interface schema (gsettings-desktop-schemas)");
  a11y_settings = g_settings_new ("org.gnome.desktop.a11y.interface");

  /* The application's way of loading its style: an AdwApplication with its
   * resource base path. */
  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID ".ContrastTest",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", SA_RESOURCE_PATH,
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);

  if (g_application_run (G_APPLICATION (app), 0, NULL) != 0)
    return 1;
  g_clear_object (&a11y_settings);
  return test_status;
}
