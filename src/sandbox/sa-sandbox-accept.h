/* sa-sandbox-accept.h — the sandbox accepts its connections itself and hands
 * them to libsoup (two libsoup 3.2 server leaks; see sa-sandbox-accept.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _SaSandboxAcceptor SaSandboxAcceptor;

SaSandboxAcceptor *sa_sandbox_acceptor_new        (SoupServer        *server,
                                                   GSocket           *socket,
                                                   GTlsCertificate   *certificate,
                                                   GError           **error);
GSocket           *sa_sandbox_acceptor_get_socket (SaSandboxAcceptor *acceptor);
void               sa_sandbox_acceptor_free       (SaSandboxAcceptor *acceptor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaSandboxAcceptor, sa_sandbox_acceptor_free)

G_END_DECLS
