/* sa-sandbox-generate.c — generated orders and Smart Accounts, many of
 * them, for the benchmarks (bench/sa-bench-generate) and the tests of the
 * searches at size
 *
 * Every value comes from a GRand seeded by the caller: the same arguments
 * give the same rows. Some values carry accented or upper/lower-case letters
 * (PO-café-…, Straße, ÉCLAIR) so that the searches' case folding is
 * exercised; many orders share a day, so that the list's tie-break (the
 * Sales Order No.) is too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-db.h"

static const char *const words[] = {
  "acme", "borealis", "café", "delorme", "étoile", "fjord", "granit", "harbour",
  "ibis", "jasmin", "kestrel", "lumière", "meridian", "nordik", "orion", "pavot",
  "quartz", "rivière", "sakura", "straße", "tessin", "umbria", "vortex", "wharf",
  "xenon", "yukon", "zéphyr", "ÉCLAIR", "Moulin", "TORRE",
};

static const char *const statuses[] = { "ENTERED", "BOOKED", "SCHEDULED", "SHIPPED" };

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n_items)
{
  return items[g_rand_int_range (rand, 0, (gint32) n_items)];
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sa_sandbox_db_fail (sqlite3_db_handle (stmt), "insert", error);

  return TRUE;
}

typedef struct
{
  GRand *rand;
  guint  n_orders;
  guint  n_accounts;
} Generation;

static gboolean
add_accounts (sqlite3     *db,
              Generation  *gen,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) account = NULL;
  g_autoptr(sqlite3_stmt) va = NULL;
  guint i;

  account = sa_sandbox_db_prepare (db, error,
                                   "INSERT INTO smart_accounts (tenant, id, domain, name, type, status,"
                                   " email, restricted) VALUES ('trainee', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                   NULL);
  va = sa_sandbox_db_prepare (db, error,
                              "INSERT INTO virtual_accounts (tenant, account_id, name, description,"
                              " is_default, position) VALUES ('trainee', ?1, 'DEFAULT',"
                              " 'Default Virtual Account', 1, 0)",
                              NULL);
  if (account == NULL || va == NULL)
    return FALSE;

  for (i = 0; i < gen->n_accounts; i++)
    {
      g_autofree char *id = g_strdup_printf ("SA-9%06u", i);
      const char *w1 = pick (gen->rand, words, G_N_ELEMENTS (words));
      const char *w2 = pick (gen->rand, words, G_N_ELEMENTS (words));
      g_autofree char *w1_ascii = g_str_to_ascii (w1, "C");
      g_autofree char *w1_lower = g_ascii_strdown (w1_ascii, -1);
      g_autofree char *domain = g_strdup_printf ("%s-%u.example", w1_lower, i);
      g_autofree char *name = g_strdup_printf ("%s %s %u", w1, w2, i);
      g_autofree char *email = g_strdup_printf ("it-%u@%s", i, domain);
      /* every tenth a Holding account: an order knows which slot to use */
      gboolean holding = i % 10 == 0;
      const char *status = g_rand_int_range (gen->rand, 0, 8) == 0 ? "PENDING" : "ACTIVE";

      sqlite3_bind_text (account, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (account, 2, domain, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (account, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (account, 4, holding ? "HOLDING" : "CUSTOMER", -1, SQLITE_STATIC);
      sqlite3_bind_text (account, 5, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (account, 6, email, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (account, 7, g_rand_int_range (gen->rand, 0, 50) == 0);
      sqlite3_bind_text (va, 1, id, -1, SQLITE_TRANSIENT);
      if (!step_done (account, error) || !step_done (va, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_orders (sqlite3     *db,
            Generation  *gen,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(sqlite3_stmt) line = NULL;
  guint i;

  order = sa_sandbox_db_prepare (db, error,
                                 "INSERT INTO orders (tenant, sales_order_number, web_order_id,"
                                 " purchase_order_number, status, export_hold, end_customer_name,"
                                 " description, created_date, version, partner, end_customer_account,"
                                 " end_customer_va, holding_account, holding_va)"
                                 " VALUES ('trainee', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10, ?11, ?12, ?13)",
                                 NULL);
  line = sa_sandbox_db_prepare (db, error,
                                "INSERT INTO order_lines (tenant, sales_order_number, line_number, product,"
                                " description, quantity, extended_amount, license_sku, license, license_type,"
                                " term_months) VALUES ('trainee', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                NULL);
  if (order == NULL || line == NULL)
    return FALSE;

  for (i = 0; i < gen->n_orders; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", 300000000 + g_rand_int_range (gen->rand, 0, 1000) * 100000 + i);
      g_autofree char *web = g_strdup_printf ("WO%08u", g_rand_int_range (gen->rand, 0, 100000000));
      g_autofree char *po = g_strdup_printf ("PO-%s-%04u", pick (gen->rand, words, G_N_ELEMENTS (words)),
                                             g_rand_int_range (gen->rand, 0, 10000));
      g_autofree char *customer = g_strdup_printf ("%s %s", pick (gen->rand, words, G_N_ELEMENTS (words)),
                                                   pick (gen->rand, words, G_N_ELEMENTS (words)));
      /* many orders share a day: the Sales Order No. breaks the ties */
      g_autofree char *date = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (gen->rand, 18, 27),
                                               g_rand_int_range (gen->rand, 1, 13),
                                               g_rand_int_range (gen->rand, 1, 29));
      g_autofree char *account = NULL;
      gboolean assigned = gen->n_accounts > 0 && g_rand_int_range (gen->rand, 0, 3) == 0;
      gboolean on_holding = FALSE;
      guint n_lines = g_rand_int_range (gen->rand, 1, 4), j;

      if (assigned)
        {
          guint k = g_rand_int_range (gen->rand, 0, (gint32) gen->n_accounts);

          /* a Holding account goes to the Holding slot, as the rules want */
          on_holding = k % 10 == 0;
          account = g_strdup_printf ("SA-9%06u", k);
        }
      sqlite3_bind_text (order, 1, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (order, 2, web, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (order, 3, po, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (order, 4, pick (gen->rand, statuses, G_N_ELEMENTS (statuses)), -1, SQLITE_STATIC);
      sqlite3_bind_int (order, 5, g_rand_int_range (gen->rand, 0, 20) == 0);
      sqlite3_bind_text (order, 6, customer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (order, 7, "Catalyst 9300 48-port PoE+ switch, Network Advantage, 3Y", -1, SQLITE_STATIC);
      sqlite3_bind_text (order, 8, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (order, 9, i % 10 == 9 ? "BLUEHARBOUR" : "NORTHWIND", -1, SQLITE_STATIC);
      sqlite3_bind_text (order, 10, on_holding ? NULL : account, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (order, 11, assigned && !on_holding ? "DEFAULT" : NULL, -1, SQLITE_STATIC);
      sqlite3_bind_text (order, 12, on_holding ? account : NULL, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (order, 13, on_holding ? "DEFAULT" : NULL, -1, SQLITE_STATIC);
      if (!step_done (order, error))
        return FALSE;

      for (j = 0; j < n_lines; j++)
        {
          g_autofree char *line_number = g_strdup_printf ("1.%u", j);

          sqlite3_bind_text (line, 1, number, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (line, 2, line_number, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (line, 3, j == 0 ? "C9300-48P-A" : "C9300-DNA-A-48-3Y", -1, SQLITE_STATIC);
          sqlite3_bind_text (line, 4, j == 0 ? "Catalyst 9300 48-port PoE+" : "C9300 DNA Advantage, 3 Year",
                             -1, SQLITE_STATIC);
          sqlite3_bind_int (line, 5, g_rand_int_range (gen->rand, 1, 20));
          sqlite3_bind_double (line, 6, 100.0 * g_rand_int_range (gen->rand, 1, 100));
          if (j > 0)
            {
              sqlite3_bind_text (line, 7, "C9300-DNA-A-48-3Y", -1, SQLITE_STATIC);
              sqlite3_bind_text (line, 8, "C9300 DNA Advantage, 48 Port", -1, SQLITE_STATIC);
              sqlite3_bind_text (line, 9, "TERM", -1, SQLITE_STATIC);
              sqlite3_bind_int (line, 10, 36);
            }
          if (!step_done (line, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
generate_tx (sqlite3   *db,
             gpointer   data,
             GError   **error)
{
  /* A bulk load leaves the trigram indexes in many segments (one each time
   * FTS5's buffer fills), which every search reads: merged into one, as
   * after an import. */
  return add_accounts (db, data, error) && add_orders (db, data, error) &&
         sa_sandbox_db_exec (db,
                             "INSERT INTO orders_fts (orders_fts) VALUES ('optimize');"
                             "INSERT INTO smart_accounts_fts (smart_accounts_fts) VALUES ('optimize')",
                             error);
}

/**
 * sa_sandbox_db_generate:
 * @db: a connection of sa_sandbox_db_open(), outside any transaction
 * @seed: the seed of every value
 * @n_orders: orders to add to the training user's data (tenant "trainee"):
 *   every tenth one of the partner BLUEHARBOUR (which the user may not see),
 *   the others of NORTHWIND; one to three lines each; a third of them
 *   assigned to a generated account; numbers 300000000 and up
 * @n_accounts: Smart Accounts to add to the same data ("SA-9000000"…), each
 *   with its DEFAULT Virtual Account; one in ten HOLDING, one in fifty
 *   restricted
 * @error: return location for a #GError
 *
 * Adds generated rows, in one transaction, then merges the trigram indexes
 * (FTS5 "optimize"), for the figures of bench/ at
 * 100,000 orders and for the tests that compare the searches with their
 * definition. Call it once per database: the numbers of a second call would
 * collide with the first's.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_generate (sqlite3     *db,
                        guint32      seed,
                        guint        n_orders,
                        guint        n_accounts,
                        GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Generation gen = { rand, n_orders, n_accounts };

  return sa_sandbox_db_transaction (db, generate_tx, &gen, error);
}
