/* sa-desk-client-orders.c — the Desk client's orders and their Smart Account
 * assignment: GET /v1/orders, GET /v1/orders/{n},
 * PUT /v1/orders/{n}/smart-account-assignment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-desk-client-private.h"
#include "sa-validate.h"

static gpointer
parse_order_item (JsonObject  *object,
                  GError     **error)
{
  return sa_order_new_from_json (object, NULL, error);
}

static const SaDeskListSpec order_list = { "orders", sa_order_get_type, parse_order_item };

/* GET /v1/orders?searchBy=&value=[&match=prefix]&limit=&offset= */
static void
search_orders_async (SaClient            *client,
                     SaOrderSearchField   field,
                     const char          *value,
                     guint                offset,
                     guint                limit,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  GError *error = NULL;
  g_autofree char *offset_str = NULL;
  g_autofree char *limit_str = NULL;

  task = sa_desk_list_task_new (self, search_orders_async, &order_list,
                                cancellable, callback, user_data);

  if (value != NULL)
    {
      if (sa_desk_return_if_invalid (task, sa_validate_order_search (field, value, &error), &error))
        return;

      sa_desk_query_add (query, "searchBy", sa_order_search_field_to_string (field));
      sa_desk_query_add (query, "value", value);
      /* a Sales Order No. is typed from its start (docs/desk-api.md) */
      if (field == SA_ORDER_SEARCH_SALES_ORDER_NUMBER)
        sa_desk_query_add (query, "match", "prefix");
    }

  if (limit > SA_DESK_MAX_PAGE_SIZE)
    limit = SA_DESK_MAX_PAGE_SIZE;
  if (limit > 0)
    {
      limit_str = g_strdup_printf ("%u", limit);
      sa_desk_query_add (query, "limit", limit_str);
    }
  offset_str = g_strdup_printf ("%u", offset);
  sa_desk_query_add (query, "offset", offset_str);

  sa_desk_request (self, g_steal_pointer (&task), "GET", "v1/orders", query->str, NULL);
}

static GListModel *
search_orders_finish (SaClient      *client,
                      GAsyncResult  *result,
                      guint         *total_records,
                      GError       **error)
{
  GListModel *model = sa_desk_propagate_pointer (client, result, search_orders_async, error);
  SaDeskListCall *list = g_task_get_task_data (G_TASK (result));

  if (total_records != NULL)
    *total_records = model != NULL ? list->total_records : 0;

  return model;
}

/* The 2xx answer of GET and PUT on one order: the order with its ETag. */
static gboolean
answer_order (SaDeskClient  *self,
              GTask         *task,
              JsonNode      *root,
              GError       **error)
{
  SaDeskCall *call = sa_desk_task_get_call (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->msg);
  const char *etag = soup_message_headers_get_one (headers, "ETag");
  SaOrder *order;

  order = sa_order_new_from_json (json_node_get_object (root), etag, error);
  if (order == NULL)
    return FALSE;

  g_task_return_pointer (task, order, g_object_unref);
  return TRUE;
}

/* GET /v1/orders/{salesOrderNumber} */
static void
get_order_async (SaClient            *client,
                 const char          *sales_order_number,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  task = sa_desk_call_task_new (self, get_order_async, answer_order,
                                cancellable, callback, user_data);

  if (sa_desk_return_if_invalid (task, sa_validate_sales_order_number (sales_order_number, &error), &error))
    return;

  escaped = sa_desk_escape (sales_order_number);
  path = g_strconcat ("v1/orders/", escaped, NULL);

  sa_desk_request (self, g_steal_pointer (&task), "GET", path, NULL, NULL);
}

static SaOrder *
get_order_finish (SaClient      *client,
                  GAsyncResult  *result,
                  GError       **error)
{
  return sa_desk_propagate_pointer (client, result, get_order_async, error);
}

static gboolean
validate_slot (SaAssignment  *slot,
               GError       **error)
{
  if (slot == NULL)
    return TRUE;

  return sa_validate_domain (sa_assignment_get_domain (slot), error) &&
         sa_validate_virtual_account_name (sa_assignment_get_virtual_account (slot), error);
}

static void
add_slot (JsonBuilder  *builder,
          const char   *member,
          SaAssignment *slot)
{
  if (slot == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, sa_assignment_get_domain (slot));
  json_builder_set_member_name (builder, "virtualAccount");
  json_builder_add_string_value (builder, sa_assignment_get_virtual_account (slot));
  json_builder_end_object (builder);
}

/* PUT /v1/orders/{n}/smart-account-assignment with If-Match from the order's
 * ETag (none for an order from a search: the server then answers 428). */
static void
update_assignment_async (SaClient            *client,
                         SaOrder             *order,
                         SaAssignment        *end_customer,
                         SaAssignment        *holding,
                         gboolean             terms_accepted,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  SaDeskCall *call;
  GError *error = NULL;

  task = sa_desk_call_task_new (self, update_assignment_async, answer_order,
                                cancellable, callback, user_data);
  call = sa_desk_task_get_call (task);

  if (end_customer == NULL && holding == NULL)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("Choose an End Customer or a Holding Smart Account first."));
      return;
    }

  if (sa_desk_return_if_invalid (task,
                                 sa_validate_sales_order_number (sa_order_get_sales_order_number (order), &error) &&
                                 validate_slot (end_customer, &error) &&
                                 validate_slot (holding, &error),
                                 &error))
    return;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_slot (builder, "endCustomer", end_customer);
  add_slot (builder, "holding", holding);
  json_builder_set_member_name (builder, "termsAccepted");
  json_builder_add_boolean_value (builder, terms_accepted);
  json_builder_end_object (builder);
  body = sa_desk_builder_to_bytes (builder);

  escaped = sa_desk_escape (sa_order_get_sales_order_number (order));
  path = g_strconcat ("v1/orders/", escaped, "/smart-account-assignment", NULL);

  if (!sa_desk_prepare (self, task, "PUT", path, NULL))
    return;

  sa_desk_call_set_json_body (call, body);
  sa_desk_call_set_if_match (call, sa_order_get_etag (order));

  sa_desk_send (self, g_steal_pointer (&task));
}

static SaOrder *
update_assignment_finish (SaClient      *client,
                          GAsyncResult  *result,
                          GError       **error)
{
  return sa_desk_propagate_pointer (client, result, update_assignment_async, error);
}

/**
 * sa_desk_client_orders_init_class:
 * @klass: the #SaDeskClient class, as #SaClientClass
 *
 * Fills in the order calls of the boundary (procedures 1 and 2).
 */
void
sa_desk_client_orders_init_class (SaClientClass *klass)
{
  klass->search_orders_async = search_orders_async;
  klass->search_orders_finish = search_orders_finish;
  klass->get_order_async = get_order_async;
  klass->get_order_finish = get_order_finish;
  klass->update_assignment_async = update_assignment_async;
  klass->update_assignment_finish = update_assignment_finish;
}
