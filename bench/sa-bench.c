/* sa-bench.c — figures for the client ↔ sandbox round trips
 *
 * Starts the sandbox back office in its own thread (as the app does in training
 * mode), drives it through the real asynchronous client, and prints, for each
 * call the Orders view and the Assign Smart Account dialog make, the mean, median
 * and 95th-percentile latency, plus the sandbox's start-up times and the
 * process's peak memory. Nothing is asserted: targets are read off these figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sa-core.h"
#include "sa-sandbox-server.h"
#include "sa-sandbox-thread.h"

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *name,
        GArray     *samples_ms)
{
  double sum = 0;
  double *v = (double *) samples_ms->data;

  g_array_sort (samples_ms, compare_doubles);
  for (guint i = 0; i < samples_ms->len; i++)
    sum += v[i];
  printf ("%-34s n=%-4u mean %7.3f ms  p50 %7.3f ms  p95 %7.3f ms  %8.0f calls/s\n",
          name, samples_ms->len, sum / samples_ms->len,
          v[samples_ms->len / 2], v[(samples_ms->len * 95) / 100],
          1000.0 * samples_ms->len / sum);
}

typedef enum
{
  OP_SIGN_IN,
  OP_LIST_ORDERS,
  OP_SEARCH_ORDERS,
  OP_GET_ORDER,
  OP_SEARCH_ACCOUNTS,
  OP_LIST_VIRTUAL_ACCOUNTS,
  OP_UPDATE_ASSIGNMENT,
} Op;

typedef struct
{
  SaClient     *client;
  SaOrder      *order;       /* the order the PUTs change, kept current */
  SaAssignment *choices[2];  /* alternated, so every PUT really changes it */
} Bench;

/* One call of @op through the real client, waited for; aborts on error. */
static void
run_one (Bench *bench,
         Op     op,
         guint  i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  Wait wait = { NULL };
  gboolean ok = TRUE;

  switch (op)
    {
    case OP_SIGN_IN:
      sa_client_sign_in_async (bench->client, SA_SANDBOX_TRAINING_USERNAME,
                               SA_SANDBOX_TRAINING_PASSWORD, NULL, on_done, &wait);
      ok = sa_client_sign_in_finish (bench->client, wait_for (&wait), &error);
      break;
    case OP_LIST_ORDERS:
      sa_client_search_orders_async (bench->client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER,
                                     NULL, 0, 50, NULL, on_done, &wait);
      object = G_OBJECT (sa_client_search_orders_finish (bench->client, wait_for (&wait),
                                                         NULL, &error));
      break;
    case OP_SEARCH_ORDERS:
      sa_client_search_orders_async (bench->client, SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER,
                                     "ACME", 0, 50, NULL, on_done, &wait);
      object = G_OBJECT (sa_client_search_orders_finish (bench->client, wait_for (&wait),
                                                         NULL, &error));
      break;
    case OP_GET_ORDER:
      sa_client_get_order_async (bench->client, "104857601", NULL, on_done, &wait);
      object = G_OBJECT (sa_client_get_order_finish (bench->client, wait_for (&wait),
                                                     &error));
      if (object != NULL)
        g_set_object (&bench->order, SA_ORDER (object));
      break;
    case OP_SEARCH_ACCOUNTS:
      sa_client_search_accounts_async (bench->client, SA_ACCOUNT_SEARCH_DOMAIN, "example",
                                       -1, NULL, on_done, &wait);
      object = G_OBJECT (sa_client_search_accounts_finish (bench->client,
                                                           wait_for (&wait), &error));
      break;
    case OP_LIST_VIRTUAL_ACCOUNTS:
      sa_client_list_virtual_accounts_async (bench->client, "sakura-trading.example",
                                             SA_ACCOUNT_TYPE_CUSTOMER, NULL,
                                             on_done, &wait);
      object = G_OBJECT (sa_client_list_virtual_accounts_finish (bench->client,
                                                                 wait_for (&wait),
                                                                 &error));
      break;
    case OP_UPDATE_ASSIGNMENT:
      sa_client_update_assignment_async (bench->client, bench->order,
                                         bench->choices[i % 2], NULL, TRUE,
                                         NULL, on_done, &wait);
      object = G_OBJECT (sa_client_update_assignment_finish (bench->client,
                                                             wait_for (&wait), &error));
      if (object != NULL)
        g_set_object (&bench->order, SA_ORDER (object));
      break;
    default:
      g_assert_not_reached ();
    }

  g_clear_object (&wait.result);
  if (!ok || error != NULL)
    g_error ("call %d failed: %s", op, error ? error->message : "?");
}

static void
measure (Bench      *bench,
         const char *label,
         Op          op,
         guint       n)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      run_one (bench, op, i);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (samples, ms);
    }
  report (label, samples);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 200;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sa-bench-XXXXXX", &error);
  g_autoptr(SaSandboxThread) sandbox = NULL;
  g_autoptr(SaClient) client = NULL;
  Bench bench = { NULL };
  struct rusage usage;
  gint64 t0;

  if (n < 10)
    n = 10;
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  sandbox = sa_sandbox_thread_start (dir, &error);
  g_assert_no_error (error);
  printf ("%-34s %.1f ms\n", "sandbox first start (load data)",
          (g_get_monotonic_time () - t0) / 1000.0);
  g_clear_object (&sandbox);

  t0 = g_get_monotonic_time ();
  sandbox = sa_sandbox_thread_start (dir, &error);
  g_assert_no_error (error);
  printf ("%-34s %.1f ms\n", "sandbox start (existing data)",
          (g_get_monotonic_time () - t0) / 1000.0);

  client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  bench.client = client;
  bench.choices[0] = sa_assignment_new ("acme-industrie.fr", "Acme Industrie",
                                        SA_ACCOUNT_TYPE_CUSTOMER,
                                        SA_ACCOUNT_STATUS_ACTIVE, "DEFAULT");
  bench.choices[1] = sa_assignment_new ("acme-industrie.fr", "Acme Industrie",
                                        SA_ACCOUNT_TYPE_CUSTOMER,
                                        SA_ACCOUNT_STATUS_ACTIVE, "Production");

  measure (&bench, "sign in (password grant)", OP_SIGN_IN, 20);
  measure (&bench, "list all orders (limit 50)", OP_LIST_ORDERS, n);
  measure (&bench, "search orders by PO No.", OP_SEARCH_ORDERS, n);
  measure (&bench, "get order (with ETag)", OP_GET_ORDER, n);
  measure (&bench, "search Smart Accounts by domain", OP_SEARCH_ACCOUNTS, n);
  measure (&bench, "list Virtual Accounts", OP_LIST_VIRTUAL_ACCOUNTS, n);
  measure (&bench, "submit assignment change (PUT)", OP_UPDATE_ASSIGNMENT, n);

  g_clear_object (&bench.order);
  g_clear_object (&bench.choices[0]);
  g_clear_object (&bench.choices[1]);

  getrusage (RUSAGE_SELF, &usage);
  printf ("%-34s %ld KiB\n", "peak resident memory (app+sandbox)", usage.ru_maxrss);

  sa_sandbox_thread_stop (sandbox);
  {
    g_autofree char *db = g_build_filename (dir, "sandbox.sqlite", NULL);
    GStatBuf st;
    if (g_stat (db, &st) == 0)
      printf ("%-34s %lld KiB\n", "sandbox database size", (long long) st.st_size / 1024);
  }
  return EXIT_SUCCESS;
}
