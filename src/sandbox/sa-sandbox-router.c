/* sa-sandbox-router.c — the sandbox's one route table: every request goes
 * from its path to a handler here
 *
 * The route tables of the resource files (sa-sandbox-private.h) are compiled
 * once into paths: the rows sharing one pattern make one path, whose methods
 * give the `Allow` header of its 405. A pattern has literal segments and
 * `{name}` segments (any non-empty text); where several patterns match a
 * path, a literal segment beats a `{name}` at the first place they differ
 * ("/v1/access-requests/candidates" before "/v1/access-requests/{id}").
 *
 * A request goes through, in order: its path (400 when the path is not valid
 * text, 404 when no pattern matches), its method (405), for signed-in routes
 * the bearer token (401), the query string (400) and the caller's sandbox
 * clock, then the handler — in a worker thread on a read connection for the
 * routes marked SA_SANDBOX_READS_ONLY (sa-sandbox-readers.c). The
 * Cisco-shaped routes go through
 * sa_sandbox_cisco_prepare() instead (Cisco's token, the user's training
 * faults) and sa_sandbox_cisco_finish() after their handler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

#include <string.h>

#include "sa-sandbox-auth.h"
#include "sa-sandbox-cisco-private.h"

#define SA_SANDBOX_MAX_PATH          2048 /* bytes */
#define SA_SANDBOX_MAX_PATH_SEGMENTS 16   /* Cisco's paths have up to 9 */

static const SaSandboxRouteTable *const route_tables[] = {
  &sa_sandbox_auth_routes,
  &sa_sandbox_profile_routes,
  &sa_sandbox_orders_routes,
  &sa_sandbox_accounts_routes,
  &sa_sandbox_account_requests_routes,
  &sa_sandbox_access_requests_routes,
  &sa_sandbox_training_routes,
  &sa_sandbox_scenarios_routes,
  &sa_sandbox_class_routes,
  &sa_sandbox_devices_routes,
  &sa_sandbox_cisco_gateway_routes,
  &sa_sandbox_cisco_faults_routes,
  &sa_sandbox_cisco_accounts_routes,
  &sa_sandbox_cisco_licenses_routes,
  &sa_sandbox_cisco_orders_routes,
};

/* The rows of one pattern. */
typedef struct
{
  char      **segments;  /* "v1", "orders", "{salesOrderNumber}" */
  guint       n_segments;
  GPtrArray  *routes;    /* const SaSandboxRoute * */
  GString    *allow;     /* "GET, PUT" */
} SaSandboxPath;

struct _SaSandboxRouter
{
  GPtrArray *paths;      /* SaSandboxPath * */
};

static void
sa_sandbox_path_free (gpointer data)
{
  SaSandboxPath *path = data;

  g_strfreev (path->segments);
  g_ptr_array_unref (path->routes);
  g_string_free (path->allow, TRUE);
  g_free (path);
}

static gboolean
is_param (const char *segment)
{
  return segment[0] == '{' && g_str_has_suffix (segment, "}");
}

static void
router_add (SaSandboxRouter      *router,
            const SaSandboxRoute *route)
{
  g_auto(GStrv) segments = NULL;
  SaSandboxPath *path = NULL;
  guint i;

  g_assert (route->pattern[0] == '/');
  segments = g_strsplit (route->pattern + 1, "/", -1);
  g_assert (g_strv_length (segments) <= SA_SANDBOX_MAX_PATH_SEGMENTS);

  for (i = 0; i < router->paths->len && path == NULL; i++)
    {
      SaSandboxPath *p = router->paths->pdata[i];

      if (g_strv_equal ((const char * const *) p->segments, (const char * const *) segments))
        path = p;
    }
  if (path == NULL)
    {
      path = g_new0 (SaSandboxPath, 1);
      path->n_segments = g_strv_length (segments);
      path->segments = g_steal_pointer (&segments);
      path->routes = g_ptr_array_new ();
      path->allow = g_string_new (NULL);
      g_ptr_array_add (router->paths, path);
    }

  g_ptr_array_add (path->routes, (gpointer) route);
  g_string_append_printf (path->allow, "%s%s", path->allow->len > 0 ? ", " : "", route->method);
}

/**
 * sa_sandbox_router_new:
 * @tables: (array length=n_tables) (nullable): the route tables; %NULL for
 *   those of every resource file (the server's)
 * @n_tables: how many tables @tables holds
 *
 * Compiles route tables into a router.
 *
 * Returns: (transfer full): the router; free with sa_sandbox_router_free()
 */
SaSandboxRouter *
sa_sandbox_router_new (const SaSandboxRouteTable * const *tables,
                       gsize                              n_tables)
{
  SaSandboxRouter *router = g_new0 (SaSandboxRouter, 1);
  gsize i, j;

  if (tables == NULL)
    {
      tables = route_tables;
      n_tables = G_N_ELEMENTS (route_tables);
    }

  router->paths = g_ptr_array_new_with_free_func (sa_sandbox_path_free);
  for (i = 0; i < n_tables; i++)
    for (j = 0; j < tables[i]->n_rows; j++)
      router_add (router, &tables[i]->rows[j]);

  return router;
}

/**
 * sa_sandbox_router_free:
 * @router: (transfer full): a router
 */
void
sa_sandbox_router_free (SaSandboxRouter *router)
{
  g_ptr_array_unref (router->paths);
  g_free (router);
}

/* Whether @segments (decoded, none empty) match @path. */
static gboolean
path_matches (const SaSandboxPath *path,
              GStrv                segments)
{
  guint i;

  if (g_strv_length (segments) != path->n_segments)
    return FALSE;
  for (i = 0; i < path->n_segments; i++)
    if (segments[i][0] == '\0' ||
        (!is_param (path->segments[i]) && strcmp (path->segments[i], segments[i]) != 0))
      return FALSE;

  return TRUE;
}

/* Whether @a is more specific than @b (both matching the same segments): the
 * first segment where they differ is literal in @a. */
static gboolean
path_is_more_specific (const SaSandboxPath *a,
                       const SaSandboxPath *b)
{
  guint i;

  for (i = 0; i < a->n_segments; i++)
    if (is_param (a->segments[i]) != is_param (b->segments[i]))
      return !is_param (a->segments[i]);

  return FALSE;
}

/* The path of @segments: the most specific pattern that matches; NULL if none. */
static SaSandboxPath *
find_path (SaSandboxRouter *router,
           GStrv            segments)
{
  SaSandboxPath *best = NULL;
  guint i;

  for (i = 0; i < router->paths->len; i++)
    {
      SaSandboxPath *path = router->paths->pdata[i];

      if (path_matches (path, segments) && (best == NULL || path_is_more_specific (path, best)))
        best = path;
    }

  return best;
}

static const SaSandboxRoute *
find_route (SaSandboxPath *path,
            const char    *method)
{
  guint i;

  for (i = 0; i < path->routes->len; i++)
    {
      const SaSandboxRoute *route = path->routes->pdata[i];

      if (strcmp (route->method, method) == 0)
        return route;
    }

  return NULL;
}

/* The decoded segments of the request path; NULL (and a 400 sent) when the
 * path holds a NUL, a bad escape or invalid UTF-8. */
static GStrv
split_path (SoupServerMessage *msg)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  g_auto(GStrv) raw = NULL;
  g_autoptr(GStrvBuilder) segments = g_strv_builder_new ();
  guint i;

  if (path == NULL || path[0] != '/' || strlen (path) > SA_SANDBOX_MAX_PATH)
    {
      sa_sandbox_respond_invalid (msg, NULL, "The request path is not valid");
      return NULL;
    }

  /* a longer path keeps its rest in the last segment, which matches nothing */
  raw = g_strsplit (path + 1, "/", SA_SANDBOX_MAX_PATH_SEGMENTS + 1);
  for (i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *segment = g_uri_unescape_segment (raw[i], NULL, "/");

      if (segment == NULL || !g_utf8_validate (segment, -1, NULL))
        {
          sa_sandbox_respond_invalid (msg, NULL, "The request path is not valid");
          return NULL;
        }
      g_strv_builder_add (segments, segment);
    }

  return g_strv_builder_end (segments);
}

/* The `{name}` segments of @path → the request's segments (not copied). */
static GHashTable *
bind_params (SaSandboxPath *path,
             GStrv          segments)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < path->n_segments; i++)
    if (is_param (path->segments[i]))
      g_hash_table_insert (params,
                           g_strndup (path->segments[i] + 1, strlen (path->segments[i]) - 2),
                           segments[i]);

  return params;
}

/**
 * sa_sandbox_router_match:
 * @router: a router
 * @method: the request's method
 * @segments: the request path's decoded segments ("v1", "orders", "104857601")
 * @params: (out) (optional) (transfer full): the route's `{name}` segments →
 *   their text (which @segments owns)
 * @allow: (out) (optional) (transfer none): the methods of the matching path,
 *   "GET, PUT"; %NULL when no pattern matches
 *
 * Finds the route of a request (see the top of this file for precedence).
 *
 * Returns: (nullable): the route; %NULL when no pattern matches (404) or when
 *   the path has no route for @method (405, *@allow set)
 */
const SaSandboxRoute *
sa_sandbox_router_match (SaSandboxRouter  *router,
                         const char       *method,
                         GStrv             segments,
                         GHashTable      **params,
                         const char      **allow)
{
  SaSandboxPath *path = find_path (router, segments);
  const SaSandboxRoute *route = path != NULL ? find_route (path, method) : NULL;

  if (allow != NULL)
    *allow = path != NULL ? path->allow->str : NULL;
  if (params != NULL)
    *params = route != NULL ? bind_params (path, segments) : NULL;

  return route;
}

/* Signs the caller in and reads the query and the caller's clock (which may
 * expire account requests); FALSE when a response was sent. */
static gboolean
prepare_signed_in (SaSandboxRequest *request,
                   SaSandboxCaller  *caller)
{
  g_autoptr(GError) error = NULL;

  if (!sa_sandbox_authenticate (request->server, request->msg, caller))
    return FALSE;
  request->caller = caller;

  request->query = sa_sandbox_parse_query (request->msg);
  if (request->query == NULL)
    return FALSE;

  if (!sa_sandbox_db_clock_now (request->db, caller->tenant, &request->now, &error) ||
      !sa_sandbox_account_requests_settle (request->db, caller->tenant, request->now, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_sandbox_router_handle:
 * @server: the #SoupServer
 * @msg: the request
 * @path: (unused): libsoup's decoded path (the router decodes it itself)
 * @query: (unused): libsoup's query (the router checks it itself)
 * @user_data: the #SaSandboxServer
 *
 * The #SoupServerCallback of the sandbox: routes @msg to the handler of its
 * method and path (see the top of this file for the order of the checks).
 */
void
sa_sandbox_router_handle (SoupServer        *server,
                          SoupServerMessage *msg,
                          const char        *path,
                          GHashTable        *query,
                          gpointer           user_data)
{
  SaSandboxServer *self = SA_SANDBOX_SERVER (user_data);
  g_auto(GStrv) segments = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GHashTable) request_query = NULL;
  g_auto(SaSandboxCaller) caller = { 0 };
  SaSandboxRequest request = { self, msg, self->db, NULL, NULL, NULL, 0 };
  const SaSandboxRoute *route;
  const char *allow;

  segments = split_path (msg);
  if (segments == NULL)
    return;

  route = sa_sandbox_router_match (self->router, soup_server_message_get_method (msg), segments,
                                   &params, &allow);
  if (allow == NULL)
    {
      sa_sandbox_respond_error (msg, SA_CLIENT_ERROR_NOT_FOUND, "There is nothing at this address");
      return;
    }
  if (route == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
      sa_sandbox_respond_error (msg, SA_CLIENT_ERROR_METHOD_NOT_ALLOWED,
                                "This method is not allowed at this address");
      return;
    }

  request.params = params;
  if (route->access == SA_SANDBOX_SIGNED_IN || route->access == SA_SANDBOX_CISCO)
    {
      gboolean ready = route->access == SA_SANDBOX_CISCO
                       ? sa_sandbox_cisco_prepare (&request, &caller)
                       : prepare_signed_in (&request, &caller);

      request_query = request.query;
      if (!ready)
        return;
    }
  else
    {
      request_query = g_hash_table_new (g_str_hash, g_str_equal);
      request.query = request_query;
      request.now = g_get_real_time () / G_USEC_PER_SEC;
    }

  if ((route->flags & SA_SANDBOX_READS_ONLY) && route->access == SA_SANDBOX_SIGNED_IN &&
      self->readers != NULL)
    {
      sa_sandbox_readers_run (self->readers, &request, route->handler, g_steal_pointer (&segments),
                              &caller);
      return;
    }

  route->handler (&request);
  if (route->access == SA_SANDBOX_CISCO)
    sa_sandbox_cisco_finish (&request);
}

/**
 * sa_sandbox_request_get_param:
 * @request: the request a handler received
 * @name: a `{name}` of the route's pattern, e.g. "salesOrderNumber"
 *
 * Returns: (transfer none): the decoded text of that path segment (never
 *   empty)
 */
const char *
sa_sandbox_request_get_param (SaSandboxRequest *request,
                              const char       *name)
{
  const char *value = g_hash_table_lookup (request->params, name);

  g_return_val_if_fail (value != NULL, "");

  return value;
}
