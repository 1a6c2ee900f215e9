/* sa-bench-generate.c — a reproducible data set for the sandbox benchmarks
 *
 * Usage: sa-bench-generate DATA_DIR ORDERS ACCOUNTS TRAINEES [SEED]
 *
 * Creates (or opens) the sandbox database in DATA_DIR through the sandbox's
 * own code (sa_sandbox_server_new(): schema, training data, training user),
 * adds TRAINEES trainees ("bench01"…, password "bench-password", each with
 * their copy of the training data), then adds, to the training user's data
 * ("trainee", partner NORTHWIND), ORDERS orders (one to three lines each,
 * every tenth one of another partner, so that the user may not see it) and
 * ACCOUNTS Smart Accounts (each with its DEFAULT Virtual Account). Every
 * value comes from a GRand seeded with SEED (default 12): the same arguments
 * give the same rows (sa_sandbox_db_generate(), src/sandbox/sa-sandbox-generate.c).
 * Run it on a fresh directory: the generated numbers would collide with
 * those of an earlier run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "sa-sandbox-db.h"
#include "sa-sandbox-server.h"

#define BENCH_PASSWORD "bench-password"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SaSandboxServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  sqlite3 *db = NULL;
  guint n_orders, n_accounts, n_trainees, i;
  guint32 seed;

  if (argc < 5 || argc > 6)
    {
      g_printerr ("Usage: %s DATA_DIR ORDERS ACCOUNTS TRAINEES [SEED]\n", argv[0]);
      return 2;
    }
  n_orders = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  n_accounts = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  n_trainees = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  seed = argc > 5 ? (guint32) g_ascii_strtoull (argv[5], NULL, 10) : 12;

  server = sa_sandbox_server_new (argv[1], &error);
  for (i = 0; server != NULL && i < n_trainees; i++)
    {
      g_autofree char *name = g_strdup_printf ("bench%02u", i + 1);

      if (!sa_sandbox_server_add_trainee (server, name, BENCH_PASSWORD, &error))
        break;
    }
  g_clear_object (&server);

  if (error == NULL)
    {
      db_path = g_build_filename (argv[1], "sandbox.sqlite", NULL);
      if (sa_sandbox_db_open (db_path, &db, &error))
        sa_sandbox_db_generate (db, seed, n_orders, n_accounts, &error);
      g_clear_pointer (&db, sa_sandbox_db_close);
    }
  if (error != NULL)
    {
      g_printerr ("sa-bench-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }

  printf ("%s: %u orders, %u Smart Accounts, %u trainees\n", argv[1], n_orders, n_accounts,
          n_trainees);

  return EXIT_SUCCESS;
}
