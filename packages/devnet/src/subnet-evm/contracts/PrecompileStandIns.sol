// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.24;

/// @title Stand-in for Subnet-EVM's allow-list precompiles (0x0200..00 ContractDeployerAllowList,
/// 0x0200..02 TxAllowList). Written from subnet-evm's documented behaviour (precompile/allowlist):
/// - storage: slot = the address left-padded to 32 bytes, value = role, so a genesis `alloc` or
///   eth_getStorageAt reads the same as on a real L1;
/// - roles: 0 None, 1 Enabled, 2 Admin, 3 Manager;
/// - Role.CanModify: an Admin may set any role; a Manager may move None/Enabled to None/Enabled only;
/// - every change emits RoleSet(role, account, sender, oldRole) (post-Durango behaviour);
/// - a refusal fails like a precompile error (libevm core/vm/evm.go Call: gas = 0 for any error but
///   ErrExecutionReverted, and no return data): INVALID, all the call's gas consumed, nothing returned.
///   The gate answers direct eth_call / eth_estimateGas with subnet-evm's error text.
contract AllowListStandIn {
    uint256 internal constant NONE = 0;
    uint256 internal constant ENABLED = 1;
    uint256 internal constant ADMIN = 2;
    uint256 internal constant MANAGER = 3;

    event RoleSet(uint256 indexed role, address indexed account, address indexed sender, uint256 oldRole);

    function readAllowList(address addr) external view returns (uint256 role) {
        return _role(addr);
    }

    function setAdmin(address addr) external {
        _modify(addr, ADMIN);
    }

    function setEnabled(address addr) external {
        _modify(addr, ENABLED);
    }

    function setManager(address addr) external {
        _modify(addr, MANAGER);
    }

    function setNone(address addr) external {
        _modify(addr, NONE);
    }

    /// A precompile error: all gas consumed, no return data (see the contract's notes).
    function _fail() internal pure {
        assembly {
            invalid()
        }
    }

    function _role(address a) internal view returns (uint256 r) {
        assembly {
            r := sload(a)
        }
    }

    function _modify(address addr, uint256 role) internal {
        uint256 callerRole = _role(msg.sender);
        uint256 fromRole = _role(addr);
        bool low = (fromRole == NONE || fromRole == ENABLED) && (role == NONE || role == ENABLED);
        if (!(callerRole == ADMIN || (callerRole == MANAGER && low))) _fail(); // "cannot modify allow list: ..."
        emit RoleSet(role, addr, msg.sender, fromRole);
        assembly {
            sstore(addr, role)
        }
    }
}

/// @title Stand-in for INativeMinter (0x0200..01). EVM code cannot create coin, so the stand-in
/// pays mints from a reserve the devnet credits to this address at start: recipient balances
/// change exactly as on a real L1, the chain's total coin does not grow (see the README).
contract NativeMinterStandIn is AllowListStandIn {
    event NativeCoinMinted(address indexed sender, address indexed recipient, uint256 amount);

    function mintNativeCoin(address addr, uint256 amount) external {
        if (_role(msg.sender) == NONE) _fail(); // "non-enabled cannot mint: <caller>"
        emit NativeCoinMinted(msg.sender, addr, amount);
        // Init code `PUSH20 addr SELFDESTRUCT`: a throw-away account created and destroyed in the
        // same transaction (still allowed after EIP-6780) hands its value to `addr` WITHOUT running
        // addr's code, like StateDB.AddBalance in the real precompile (a plain call would run a
        // contract recipient's fallback, or fail on one without).
        bytes memory init = abi.encodePacked(hex"73", addr, hex"ff");
        assembly {
            if iszero(create(amount, add(init, 32), mload(init))) { revert(0, 0) }
        }
    }
}
