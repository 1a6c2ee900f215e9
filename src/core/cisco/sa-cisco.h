/* sa-cisco.h — everything in the Cisco API layer (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-cisco-account-access.h"
#include "sa-cisco-accounts.h"
#include "sa-cisco-api.h"
#include "sa-cisco-credentials.h"
#include "sa-cisco-error.h"
#include "sa-cisco-licenses.h"
#include "sa-cisco-order-line.h"
#include "sa-cisco-order-status.h"
#include "sa-cisco-orders.h"
#include "sa-license-detail.h"
#include "sa-license.h"
