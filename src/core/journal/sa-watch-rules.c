/* sa-watch-rules.c — checking one hand-off: which reads, and what they mean
 *
 * Per procedure (docs/journal.md, "What is polled"):
 *
 * - Assign an order / change its assignment: while the chosen Smart Account
 *   is known Pending, the account search (Pending → Active is noted, and
 *   licenses cannot come before); then the order's status until it has
 *   shipped; then the licenses naming the order. In the chosen Smart Account
 *   and Virtual Account → confirmed; in DEFAULT when DEFAULT stood in for a
 *   double-byte name → "transfer ready"; anywhere else → landed elsewhere.
 *   When the order's status cannot be read (no access to the CCW Order API),
 *   the licenses are read directly: they are the proof anyway.
 * - License transfer: the licenses naming the order, until they are in the
 *   receiving Virtual Account → confirmed.
 * - Request a Smart Account: the account search by domain: Pending, then
 *   Active → confirmed; otherwise the 90-day countdown from the hand-off
 *   date: 14 and 3 days left, then expired (also once an account seen
 *   Pending is gone from the search: Cisco removed it).
 * - Request access: the user's own Smart Accounts: the domain with a role →
 *   confirmed; 7 days without it → suggest a reminder.
 *
 * A network, timeout, server, rate-limit or sign-in error ends the check
 * (and the round: sa-watch.c backs off); any other error (not supported, not
 * found, not authorized) only skips what that read would have told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-error.h"
#include "sa-watch-private.h"

typedef enum
{
  STEP_ACCOUNT,
  STEP_ORDER,
  STEP_LICENSES,
  STEP_ACCESS,
  STEP_DONE,
} Step;

static void run_step (GTask *task);

/**
 * sa_watch_check_free:
 * @check: a check's result
 *
 * Frees @check and drops what it holds.
 */
void
sa_watch_check_free (SaWatchCheck *check)
{
  g_clear_object (&check->watch);
  g_clear_object (&check->hand_off);
  g_clear_pointer (&check->now, g_date_time_unref);
  g_clear_object (&check->licenses);
  g_free (check);
}

/**
 * sa_watch_error_is_transient:
 * @error: an error of a back-end call
 *
 * Returns: %TRUE when the error says "not now" rather than "not this": the
 *   network, a timeout, the server (5xx, 429), an answer that is not the
 *   expected one (a gateway page), a sign-in to renew, or cancellation. The
 *   watch then stops the round and waits longer.
 */
gboolean
sa_watch_error_is_transient (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  if (error == NULL || error->domain != SA_CLIENT_ERROR)
    return FALSE;

  switch (error->code)
    {
    case SA_CLIENT_ERROR_NETWORK:
    case SA_CLIENT_ERROR_TIMEOUT:
    case SA_CLIENT_ERROR_TOO_SLOW:
    case SA_CLIENT_ERROR_SERVER_ERROR:
    case SA_CLIENT_ERROR_INVALID_RESPONSE:
    case SA_CLIENT_ERROR_UNAUTHENTICATED:
    case SA_CLIENT_ERROR_INVALID_CREDENTIALS:
    case SA_CLIENT_ERROR_REMINDER_TOO_SOON:
      return TRUE;
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------ */
/* Helpers */

static const char *
field (SaWatchCheck   *check,
       SaHandOffField  f)
{
  return sa_hand_off_get_field (check->hand_off, f);
}

static void
observe (SaWatchCheck      *check,
         SaObservationKind  kind,
         const char        *domain,
         const char        *virtual_account,
         gint64             quantity,
         const char        *text)
{
  g_autoptr(SaHandOffObservation) observation =
    sa_hand_off_observation_new_full (kind, check->now, domain, virtual_account, quantity, text);

  sa_hand_off_add_observation (check->hand_off, observation);
}

static gboolean
has_observation_at (SaHandOff         *hand_off,
                    SaObservationKind  kind,
                    const char        *domain,
                    const char        *virtual_account)
{
  GListModel *observations = sa_hand_off_get_observations (hand_off);

  for (guint i = 0; i < g_list_model_get_n_items (observations); i++)
    {
      g_autoptr(SaHandOffObservation) seen = g_list_model_get_item (observations, i);

      if (sa_hand_off_observation_get_kind (seen) == kind &&
          g_strcmp0 (sa_hand_off_observation_get_domain (seen), domain) == 0 &&
          g_strcmp0 (sa_hand_off_observation_get_virtual_account (seen), virtual_account) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Handed off → observed partly; never back from a later state. */
static void
seen_partly (SaWatchCheck *check)
{
  if (sa_hand_off_get_state (check->hand_off) == SA_HAND_OFF_STATE_HANDED_OFF)
    sa_hand_off_set_state (check->hand_off, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
}

static void
fire (SaWatchCheck     *check,
      SaHandOffNotices  notice)
{
  if (sa_hand_off_add_notice (check->hand_off, notice))
    check->fire |= notice;
}

static gboolean
same_domain (const char *a,
             const char *b)
{
  return a != NULL && b != NULL && g_ascii_strcasecmp (a, b) == 0;
}

/**
 * sa_watch_license_in:
 * @license: an #SaLicense from sa_client_find_licenses_by_order_async()
 * @domain: a Domain Identifier (any case)
 * @virtual_account: a Virtual Account's name, as the back end spells it
 *
 * Returns: whether @license sits in that Smart Account and Virtual Account
 */
gboolean
sa_watch_license_in (SaLicense  *license,
                     const char *domain,
                     const char *virtual_account)
{
  return same_domain (sa_license_get_smart_account_domain (license), domain) &&
         virtual_account != NULL &&
         g_strcmp0 (sa_license_get_virtual_account (license), virtual_account) == 0;
}

/**
 * sa_watch_join_names:
 * @licenses: a #GListModel of #SaLicense
 *
 * Returns: (transfer full): the distinct license names, joined by ", "
 */
char *
sa_watch_join_names (GListModel *licenses)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);
      const char *name = sa_license_get_license (license);

      if (name != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);

  /* The names belong to @licenses, which outlive this call. */
  return g_strjoinv (", ", (char **) names->pdata);
}

static void
next (GTask *task,
      Step   step)
{
  SaWatchCheck *check = g_task_get_task_data (task);

  check->step = step;
  run_step (task);
}

/* Ends the check on a transient error; otherwise the step's answer is
 * skipped. Returns TRUE when the check goes on. */
static gboolean
handle_error (GTask  *task,
              GError *error)
{
  if (sa_watch_error_is_transient (error))
    {
      g_task_return_error (task, g_error_copy (error));
      return FALSE;
    }

  g_debug ("Watch: a read told nothing (%s)", error->message);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Smart Account search (procedures 1, 2 while Pending; procedure 3) */

static SaSmartAccount *
find_exact (GListModel *accounts,
            const char *domain)
{
  for (guint i = 0; accounts != NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (accounts, i);

      if (same_domain (sa_smart_account_get_domain (account), domain))
        return g_steal_pointer (&account);
    }
  return NULL;
}

/* The 90-day countdown of procedure 3 (the customer has not accepted). */
static void
count_down (SaWatchCheck *check,
            gboolean      expired_by_server)
{
  int days = sa_hand_off_get_days_left (check->hand_off, check->now);

  if (days == 0 || expired_by_server)
    {
      sa_hand_off_set_state (check->hand_off, SA_HAND_OFF_STATE_EXPIRED);
      if (!(sa_hand_off_get_notices (check->hand_off) & SA_HAND_OFF_NOTICE_EXPIRED))
        observe (check, SA_OBSERVATION_EXPIRED, field (check, SA_HAND_OFF_FIELD_DOMAIN), NULL, 0, NULL);
      /* Both warnings are past: never given late after this one. */
      sa_hand_off_add_notice (check->hand_off, SA_HAND_OFF_NOTICE_14_DAYS_LEFT | SA_HAND_OFF_NOTICE_3_DAYS_LEFT);
      fire (check, SA_HAND_OFF_NOTICE_EXPIRED);
      return;
    }

  if (days <= 3 && !(sa_hand_off_get_notices (check->hand_off) & SA_HAND_OFF_NOTICE_3_DAYS_LEFT))
    {
      /* The 14-day warning, if it was missed, is not given after this one. */
      sa_hand_off_add_notice (check->hand_off, SA_HAND_OFF_NOTICE_14_DAYS_LEFT);
      observe (check, SA_OBSERVATION_DAYS_LEFT, NULL, NULL, days, NULL);
      check->days_left = 3;
      fire (check, SA_HAND_OFF_NOTICE_3_DAYS_LEFT);
    }
  else if (days <= 14 && !(sa_hand_off_get_notices (check->hand_off) & SA_HAND_OFF_NOTICE_14_DAYS_LEFT))
    {
      observe (check, SA_OBSERVATION_DAYS_LEFT, NULL, NULL, days, NULL);
      check->days_left = 14;
      fire (check, SA_HAND_OFF_NOTICE_14_DAYS_LEFT);
    }
}

static void
decide_account (GTask      *task,
                GListModel *accounts)
{
  SaWatchCheck *check = g_task_get_task_data (task);
  const char *domain = field (check, SA_HAND_OFF_FIELD_DOMAIN);
  g_autoptr(SaSmartAccount) account = find_exact (accounts, domain);
  gboolean request = sa_hand_off_get_procedure (check->hand_off) == SA_HAND_OFF_REQUEST_SMART_ACCOUNT;
  SaAccountStatus status;

  if (account == NULL)
    {
      /* Seen Pending, now gone: Cisco removed the provisional account the
       * customer did not accept (the portal's 90 days ran out, whatever
       * this clock says: the practice sandbox's clock may be ahead). */
      if (request)
        count_down (check, has_observation_at (check->hand_off, SA_OBSERVATION_ACCOUNT_PENDING, domain, NULL));
      next (task, request ? STEP_DONE : STEP_ORDER);
      return;
    }

  status = sa_smart_account_get_status (account);
  if (status == SA_ACCOUNT_STATUS_ACTIVE)
    {
      observe (check, SA_OBSERVATION_ACCOUNT_ACTIVE, domain, NULL, 0, NULL);
      if (request)
        {
          /* "On Active": the customer accepted. */
          sa_hand_off_set_state (check->hand_off, SA_HAND_OFF_STATE_CONFIRMED);
          fire (check, SA_HAND_OFF_NOTICE_CONFIRMED);
          next (task, STEP_DONE);
          return;
        }
      sa_hand_off_set_account_pending (check->hand_off, FALSE);
      seen_partly (check);
      fire (check, SA_HAND_OFF_NOTICE_ACCOUNT_ACTIVE);
      next (task, STEP_ORDER);
      return;
    }

  if (status == SA_ACCOUNT_STATUS_PENDING &&
      !has_observation_at (check->hand_off, SA_OBSERVATION_ACCOUNT_PENDING, domain, NULL))
    {
      observe (check, SA_OBSERVATION_ACCOUNT_PENDING, domain, NULL, 0, NULL);
      seen_partly (check);
    }

  if (request)
    count_down (check, status == SA_ACCOUNT_STATUS_EXPIRED);
  /* An order assigned to a Pending account gets no license yet: its status
   * is still worth following. */
  next (task, request ? STEP_DONE : STEP_ORDER);
}

static void
on_accounts_searched (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaWatch *self = g_task_get_source_object (task);
  SaWatchCheck *check = g_task_get_task_data (task);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = sa_client_search_accounts_finish (SA_CLIENT (object), result, &error);
  if (accounts == NULL)
    {
      if (!handle_error (task, error))
        return;
      if (sa_hand_off_get_procedure (check->hand_off) == SA_HAND_OFF_REQUEST_SMART_ACCOUNT)
        count_down (check, FALSE);
      next (task, sa_hand_off_get_procedure (check->hand_off) == SA_HAND_OFF_REQUEST_SMART_ACCOUNT
                  ? STEP_DONE : STEP_ORDER);
      return;
    }

  g_hash_table_insert (self->round_searches,
                       g_ascii_strdown (field (check, SA_HAND_OFF_FIELD_DOMAIN), -1),
                       g_object_ref (accounts));
  decide_account (task, accounts);
}

static void
search_account (GTask *task)
{
  SaWatch *self = g_task_get_source_object (task);
  SaWatchCheck *check = g_task_get_task_data (task);
  const char *domain = field (check, SA_HAND_OFF_FIELD_DOMAIN);
  g_autofree char *key = g_ascii_strdown (domain, -1);
  GListModel *cached = g_hash_table_lookup (self->round_searches, key);

  if (cached != NULL)
    {
      decide_account (task, cached);
      return;
    }

  /* Both types: the exact domain decides, whatever its type. */
  self->calls_this_round++;
  self->n_calls++;
  sa_client_search_accounts_async (self->client, SA_ACCOUNT_SEARCH_DOMAIN, domain, -1,
                                   self->cancellable, on_accounts_searched, g_object_ref (task));
}

/* ------------------------------------------------------------------------ */
/* The order's status (procedures 1, 2) */

static void
on_order (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaWatchCheck *check = g_task_get_task_data (task);
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  SaHandOffObservation *last;
  const char *text;

  order = sa_client_get_order_finish (SA_CLIENT (object), result, &error);
  if (order == NULL)
    {
      /* No access to the order's status: the licenses are the proof anyway. */
      if (handle_error (task, error))
        next (task, sa_hand_off_get_account_pending (check->hand_off) ? STEP_DONE : STEP_LICENSES);
      return;
    }

  text = sa_order_get_status_text (order);
  if (text == NULL || *text == '\0')
    text = sa_order_status_get_label (sa_order_get_status (order));
  last = sa_hand_off_find_observation (check->hand_off, SA_OBSERVATION_ORDER_STATUS);
  if (last == NULL || g_strcmp0 (sa_hand_off_observation_get_text (last), text) != 0)
    observe (check, SA_OBSERVATION_ORDER_STATUS, NULL, NULL, 0, text);

  if (sa_order_get_status (order) != SA_ORDER_STATUS_SHIPPED)
    {
      next (task, STEP_DONE);
      return;
    }

  observe (check, SA_OBSERVATION_ORDER_SHIPPED, NULL, NULL, 0, NULL);
  seen_partly (check);
  /* A Pending account gets no license until it is Active. */
  next (task, sa_hand_off_get_account_pending (check->hand_off) ? STEP_DONE : STEP_LICENSES);
}

static void
read_order (GTask *task)
{
  SaWatch *self = g_task_get_source_object (task);
  SaWatchCheck *check = g_task_get_task_data (task);

  if (sa_hand_off_find_observation (check->hand_off, SA_OBSERVATION_ORDER_SHIPPED) != NULL)
    {
      next (task, sa_hand_off_get_account_pending (check->hand_off) ? STEP_DONE : STEP_LICENSES);
      return;
    }

  self->calls_this_round++;
  self->n_calls++;
  sa_client_get_order_async (self->client, sa_hand_off_get_subject (check->hand_off),
                             self->cancellable, on_order, g_object_ref (task));
}

/* ------------------------------------------------------------------------ */
/* The order's licenses (procedures 1, 2, license transfer) */

static GListModel *
keep (GListModel *licenses,
      const char *domain,
      const char *virtual_account,
      gboolean    inside)
{
  GListStore *kept = g_list_store_new (SA_TYPE_LICENSE);

  for (guint i = 0; i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);

      if (sa_watch_license_in (license, domain, virtual_account) == inside)
        g_list_store_append (kept, license);
    }
  return G_LIST_MODEL (kept);
}

static void
note_elsewhere (SaWatchCheck *check,
                GListModel   *elsewhere)
{
  const char *order = sa_hand_off_get_subject (check->hand_off);

  for (guint i = 0; i < g_list_model_get_n_items (elsewhere); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (elsewhere, i);
      const char *domain = sa_license_get_smart_account_domain (license);
      const char *virtual_account = sa_license_get_virtual_account (license);
      g_autoptr(GListModel) there = NULL;
      g_autofree char *names = NULL;

      if (has_observation_at (check->hand_off, SA_OBSERVATION_LICENSES_ELSEWHERE, domain, virtual_account))
        continue;

      there = keep (elsewhere, domain, virtual_account, TRUE);
      names = sa_watch_join_names (there);
      observe (check, SA_OBSERVATION_LICENSES_ELSEWHERE, domain, virtual_account,
               sa_license_count_from_order (there, order), names);
    }
}

static void
decide_licenses (GTask      *task,
                 GListModel *licenses)
{
  SaWatchCheck *check = g_task_get_task_data (task);
  SaHandOff *hand_off = check->hand_off;
  const char *order = sa_hand_off_get_subject (hand_off);
  const char *domain = field (check, SA_HAND_OFF_FIELD_DOMAIN);
  const char *chosen = field (check, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT);
  gboolean transfer = sa_hand_off_needs_transfer (hand_off);
  const char *target = transfer ? field (check, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT) : chosen;
  g_autoptr(GListModel) in_target = keep (licenses, domain, target, TRUE);
  g_autoptr(GListModel) rest = keep (licenses, domain, target, FALSE);
  g_autoptr(GListModel) in_source = NULL;
  g_autoptr(GListModel) elsewhere = NULL;
  gboolean is_transfer = sa_hand_off_get_procedure (hand_off) == SA_HAND_OFF_LICENSE_TRANSFER;

  /* Without a transfer, everything outside the target is elsewhere. */
  if (transfer)
    {
      in_source = keep (rest, domain, chosen, TRUE);
      elsewhere = keep (rest, domain, chosen, FALSE);
    }
  else
    {
      in_source = G_LIST_MODEL (g_list_store_new (SA_TYPE_LICENSE));
      elsewhere = g_object_ref (rest);
    }

  if (g_list_model_get_n_items (elsewhere) > 0)
    note_elsewhere (check, elsewhere);

  /* Arrived where meant (and, after a transfer, none left behind). */
  if (g_list_model_get_n_items (in_target) > 0 &&
      (is_transfer || g_list_model_get_n_items (in_source) == 0))
    {
      g_autofree char *names = sa_watch_join_names (in_target);

      observe (check, SA_OBSERVATION_LICENSES_ARRIVED, domain, target,
               sa_license_count_from_order (in_target, order), names);
      sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_CONFIRMED);
      fire (check, SA_HAND_OFF_NOTICE_CONFIRMED);
    }
  else if (g_list_model_get_n_items (in_source) > 0 && !is_transfer)
    {
      /* In DEFAULT, standing in for the double-byte name: ready to move. */
      if (!has_observation_at (hand_off, SA_OBSERVATION_LICENSES_IN_DEFAULT, domain, chosen))
        {
          g_autofree char *names = sa_watch_join_names (in_source);

          observe (check, SA_OBSERVATION_LICENSES_IN_DEFAULT, domain, chosen,
                   sa_license_count_from_order (in_source, order), names);
        }
      seen_partly (check);
      fire (check, SA_HAND_OFF_NOTICE_TRANSFER_READY);
      if (check->fire & SA_HAND_OFF_NOTICE_TRANSFER_READY)
        g_set_object (&check->licenses, in_source);
    }
  else if (g_list_model_get_n_items (elsewhere) > 0 && g_list_model_get_n_items (in_target) == 0 &&
           !is_transfer)
    {
      sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_LANDED_ELSEWHERE);
      fire (check, SA_HAND_OFF_NOTICE_LANDED_ELSEWHERE);
      if (check->fire & SA_HAND_OFF_NOTICE_LANDED_ELSEWHERE)
        g_set_object (&check->licenses, elsewhere);
    }

  next (task, STEP_DONE);
}

static void
on_licenses (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(GError) error = NULL;

  licenses = sa_client_find_licenses_by_order_finish (SA_CLIENT (object), result, &error);
  if (licenses == NULL)
    {
      if (handle_error (task, error))
        next (task, STEP_DONE);
      return;
    }

  decide_licenses (task, licenses);
}

static void
read_licenses (GTask *task)
{
  SaWatch *self = g_task_get_source_object (task);
  SaWatchCheck *check = g_task_get_task_data (task);

  self->calls_this_round++;
  self->n_calls++;
  sa_client_find_licenses_by_order_async (self->client, sa_hand_off_get_subject (check->hand_off),
                                          self->cancellable, on_licenses, g_object_ref (task));
}

/* ------------------------------------------------------------------------ */
/* The user's own Smart Accounts (procedure 4) */

static void
decide_access (GTask      *task,
               GListModel *accesses)
{
  SaWatchCheck *check = g_task_get_task_data (task);
  const char *domain = field (check, SA_HAND_OFF_FIELD_DOMAIN);
  GDateTime *since = sa_hand_off_get_handed_off (check->hand_off);

  for (guint i = 0; accesses != NULL && i < g_list_model_get_n_items (accesses); i++)
    {
      g_autoptr(SaAccountAccess) access = g_list_model_get_item (accesses, i);
      SaSmartAccount *account = sa_account_access_get_account (access);
      g_autoptr(GPtrArray) roles = NULL;
      g_autofree char *joined = NULL;
      guint n_roles = sa_account_access_get_n_roles (access);

      if (account == NULL || n_roles == 0 || !same_domain (sa_smart_account_get_domain (account), domain))
        continue;

      roles = g_ptr_array_new ();
      for (guint r = 0; r < n_roles; r++)
        g_ptr_array_add (roles, (gpointer) sa_account_access_get_role (access, r));
      g_ptr_array_add (roles, NULL);
      joined = g_strjoinv (", ", (char **) roles->pdata);

      observe (check, SA_OBSERVATION_ACCESS_GRANTED, domain, NULL, 0, joined);
      sa_hand_off_set_state (check->hand_off, SA_HAND_OFF_STATE_CONFIRMED);
      fire (check, SA_HAND_OFF_NOTICE_CONFIRMED);
      next (task, STEP_DONE);
      return;
    }

  if (since == NULL)
    since = sa_hand_off_get_created (check->hand_off);
  if (g_date_time_difference (check->now, since) >= SA_HAND_OFF_REMINDER_DAYS * G_TIME_SPAN_DAY &&
      !(sa_hand_off_get_notices (check->hand_off) & SA_HAND_OFF_NOTICE_REMINDER))
    {
      observe (check, SA_OBSERVATION_REMINDER_SUGGESTED, domain, NULL, 0, NULL);
      fire (check, SA_HAND_OFF_NOTICE_REMINDER);
    }

  next (task, STEP_DONE);
}

static void
on_my_accounts (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaWatch *self = g_task_get_source_object (task);
  g_autoptr(GListModel) accesses = NULL;
  g_autoptr(GError) error = NULL;

  accesses = sa_client_list_my_accounts_finish (SA_CLIENT (object), result, &error);
  if (accesses == NULL)
    {
      if (handle_error (task, error))
        next (task, STEP_DONE);
      return;
    }

  g_set_object (&self->round_accounts, accesses);
  decide_access (task, accesses);
}

static void
read_my_accounts (GTask *task)
{
  SaWatch *self = g_task_get_source_object (task);

  if (self->round_accounts != NULL)
    {
      decide_access (task, self->round_accounts);
      return;
    }

  self->calls_this_round++;
  self->n_calls++;
  sa_client_list_my_accounts_async (self->client, self->cancellable, on_my_accounts, g_object_ref (task));
}

/* ------------------------------------------------------------------------ */
/* The check */

static void
run_step (GTask *task)
{
  SaWatchCheck *check = g_task_get_task_data (task);

  switch ((Step) check->step)
    {
    case STEP_ACCOUNT:
      search_account (task);
      break;
    case STEP_ORDER:
      read_order (task);
      break;
    case STEP_LICENSES:
      read_licenses (task);
      break;
    case STEP_ACCESS:
      read_my_accounts (task);
      break;
    case STEP_DONE:
    default:
      g_task_return_boolean (task, TRUE);
      break;
    }
}

static Step
first_step (SaHandOff *hand_off)
{
  switch (sa_hand_off_get_procedure (hand_off))
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
      return sa_hand_off_get_account_pending (hand_off) ? STEP_ACCOUNT : STEP_ORDER;
    case SA_HAND_OFF_LICENSE_TRANSFER:
      return STEP_LICENSES;
    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
      return STEP_ACCOUNT;
    case SA_HAND_OFF_REQUEST_ACCESS:
      return STEP_ACCESS;
    default:
      return STEP_DONE;
    }
}

/**
 * sa_watch_check_async:
 * @self: an #SaWatch in a round
 * @hand_off: an open hand-off (the watch's object: changed in place)
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads what the procedure of @hand_off needs (see the top of this file) and
 * applies what the answers mean to @hand_off: observations, state, notices.
 * The round's answers shared by several hand-offs (the user's accounts, a
 * domain's search) are read once per round.
 */
void
sa_watch_check_async (SaWatch             *self,
                      SaHandOff           *hand_off,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, user_data);
  SaWatchCheck *check = g_new0 (SaWatchCheck, 1);

  check->hand_off = g_object_ref (hand_off);
  check->now = sa_watch_dup_now (self);
  check->step = first_step (hand_off);
  g_task_set_source_tag (task, sa_watch_check_async);
  g_task_set_task_data (task, check, (GDestroyNotify) sa_watch_check_free);

  run_step (task);
}

/**
 * sa_watch_check_finish:
 * @self: an #SaWatch
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): what the check did (the task's data,
 *   taken); %NULL with a transient error (sa_watch_error_is_transient()), on
 *   which the round stops
 */
SaWatchCheck *
sa_watch_check_finish (SaWatch       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  SaWatchCheck *check;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  check = g_new0 (SaWatchCheck, 1);
  *check = *(SaWatchCheck *) g_task_get_task_data (G_TASK (result));
  check->watch = g_object_ref (self);
  g_object_ref (check->hand_off);
  g_date_time_ref (check->now);
  if (check->licenses != NULL)
    g_object_ref (check->licenses);
  return check;
}
