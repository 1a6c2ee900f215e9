/* main.c — Smart Account Desk entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sa-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SaApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* SA_LOCALEDIR lets the program run from the build tree (build/po). */
  localedir = g_getenv ("SA_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sa_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
