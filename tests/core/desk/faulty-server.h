/* faulty-server.h — a hostile HTTP server double for the client's tests: a
 * SoupServer running in a thread of its own (as GNOME Calendar's tests do),
 * answering every request with one chosen fault (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  FAULT_OK,              /* a valid, empty list of accounts (or a token) */
  FAULT_DEEP_JSON,       /* 200 with arrays nested 200,000 levels (≈ 400 KB) */
  FAULT_TRAILING_JSON,   /* 200 with two JSON values: {"a":"x"}{} */
  FAULT_HUGE_LENGTH,     /* 200 declaring Content-Length: 300 MB */
  FAULT_ENDLESS,         /* 200, chunked, never ends */
  FAULT_GZIP_BOMB,       /* 200, gzip, 64 MiB of zeros once decoded */
  FAULT_REDIRECT_AWAY,   /* 307 to another origin (the same server by another name) */
  FAULT_REDIRECT_LOOP,   /* 302 to itself, forever */
  FAULT_TRICKLE,         /* 200, chunked, one byte every 200 ms, never ends */
} Fault;

typedef struct _FaultyServer FaultyServer;

FaultyServer *faulty_server_new          (Fault         fault);
void          faulty_server_free         (FaultyServer *self);
/* "http://127.0.0.1:PORT/" */
const char   *faulty_server_get_uri      (FaultyServer *self);
/* The same server as "http://localhost:PORT/": another origin. */
const char   *faulty_server_get_other_uri (FaultyServer *self);
/* How many requests it saw, and how many of them were not GET. */
guint         faulty_server_get_requests (FaultyServer *self);
guint         faulty_server_get_writes   (FaultyServer *self);

/* The process's peak resident memory so far, in KiB (VmHWM). */
guint64       faulty_peak_rss_kib        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FaultyServer, faulty_server_free)

G_END_DECLS
