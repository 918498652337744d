// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

import "./FiscusModuleBase.sol";

/// @title Lock-up of subscribed units.
/// @notice Units minted to a wallet (a subscription) cannot leave it by a holder transfer until
/// `lockupSeconds` after the wallet's latest subscription; units received by transfer stay free.
/// A new subscription extends the lock of everything still locked (the policy's rule counts from
/// the LAST subscription). Agent burns and forced transfers are not checked (redemptions and
/// compliance actions are decided off-chain) and simply shrink the lock to what is left.
contract LockupModule is FiscusModuleBase {
    struct Lock {
        uint192 units;
        uint64 until;
    }

    mapping(address => uint64) private _lockupSeconds;
    mapping(address => mapping(address => Lock)) private _locks;

    event LockupSet(address indexed compliance, uint64 lockupSeconds);

    function setLockup(uint64 period) external onlyComplianceCall {
        _lockupSeconds[msg.sender] = period;
        emit LockupSet(msg.sender, period);
    }

    function lockupSeconds(address compliance) external view returns (uint64) {
        return _lockupSeconds[compliance];
    }

    /// @return units locked in `wallet` now, and until when.
    function lockedOf(address compliance, address wallet) public view returns (uint256 units, uint64 until) {
        Lock memory l = _locks[compliance][wallet];
        if (l.until <= block.timestamp) return (0, 0);
        uint256 balance = _token(compliance).balanceOf(wallet);
        return (l.units < balance ? l.units : balance, l.until);
    }

    function moduleCheck(address from, address, uint256 value, address compliance) external view override returns (bool) {
        if (from == address(0)) return true; // mints are what creates locks, never what they block
        (uint256 locked, ) = lockedOf(compliance, from);
        if (locked == 0) return true;
        return _token(compliance).balanceOf(from) - locked >= value;
    }

    function moduleMintAction(address to, uint256 value) external override onlyComplianceCall {
        uint64 period = _lockupSeconds[msg.sender];
        if (period == 0) return;
        Lock storage l = _locks[msg.sender][to];
        uint256 stillLocked = l.until > block.timestamp ? l.units : 0;
        l.units = uint192(stillLocked + value);
        l.until = uint64(block.timestamp) + period;
    }

    function moduleTransferAction(address from, address, uint256) external override onlyComplianceCall {
        _clamp(msg.sender, from);
    }

    function moduleBurnAction(address from, uint256) external override onlyComplianceCall {
        _clamp(msg.sender, from);
    }

    function name() external pure override returns (string memory) {
        return "FiscusLockupModule";
    }

    /// @dev Called after the balance changed: the lock never exceeds what the wallet holds.
    function _clamp(address compliance, address wallet) private {
        Lock storage l = _locks[compliance][wallet];
        if (l.units == 0) return;
        uint256 balance = _token(compliance).balanceOf(wallet);
        if (l.units > balance) l.units = uint192(balance);
    }
}
