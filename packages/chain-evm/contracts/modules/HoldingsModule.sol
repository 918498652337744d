// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

import "./FiscusModuleBase.sol";

/// @title Max balance per identity and max holders, over one per-identity position ledger.
/// @notice Both rules count investors (ONCHAINID identities), not wallets: an investor's wallets
/// share one position and count as one holder. The two rules live in one module because both
/// need the same ledger; two modules would pay its storage writes twice on every transfer.
/// A limit of 0 means "no limit". The ledger starts empty, so the module binds only at supply 0.
/// Exempt wallets (the fund's redemption wallet) neither count as holders nor have a position:
/// investors redeem by sending them units, whatever the limits.
contract HoldingsModule is FiscusModuleBase {
    struct Limits {
        uint256 maxBalance;
        uint256 maxHolders;
    }

    mapping(address => Limits) private _limits;
    mapping(address => uint256) private _holders;
    mapping(address => mapping(address => uint256)) private _position;
    /// @dev Identity a wallet last received under: a wallet whose registration was deleted
    /// (KYC lapsed) can still be burned or force-transferred, and its identity's position must follow.
    mapping(address => mapping(address => address)) private _walletIdentity;

    /// @dev compliance => wallet => exempt; appended last so proxies keep their storage layout.
    mapping(address => mapping(address => bool)) private _exempt;

    event LimitsSet(address indexed compliance, uint256 maxBalance, uint256 maxHolders);
    event ExemptionSet(address indexed compliance, address indexed wallet, bool exempt);

    /// @notice Exempts a platform wallet (redemption) from both limits; its balance is not a position.
    /// Set before the wallet holds anything: its earlier units were never counted, so none are uncounted.
    function setExempt(address wallet, bool exempt) external onlyComplianceCall {
        _exempt[msg.sender][wallet] = exempt;
        emit ExemptionSet(msg.sender, wallet, exempt);
    }

    function isExempt(address compliance, address wallet) external view returns (bool) {
        return _exempt[compliance][wallet];
    }

    function setLimits(uint256 maxBalance, uint256 maxHolders) external onlyComplianceCall {
        _limits[msg.sender] = Limits(maxBalance, maxHolders);
        emit LimitsSet(msg.sender, maxBalance, maxHolders);
    }

    function limits(address compliance) external view returns (uint256 maxBalance, uint256 maxHolders) {
        Limits memory l = _limits[compliance];
        return (l.maxBalance, l.maxHolders);
    }

    function holderCount(address compliance) external view returns (uint256) {
        return _holders[compliance];
    }

    function positionOf(address compliance, address identity) external view returns (uint256) {
        return _position[compliance][identity];
    }

    function moduleCheck(address from, address to, uint256 value, address compliance) external view override returns (bool) {
        if (_exempt[compliance][to]) return true;
        IIdentityRegistryView ir = _registry(compliance);
        address toId = ir.identity(to);
        if (toId == address(0)) return true; // unverified receivers are refused by the token itself
        address fromId = from == address(0) ? address(0) : _identityOf(compliance, ir, from);
        if (fromId == toId) return true; // moving between one investor's wallets changes nothing
        Limits memory l = _limits[compliance];
        uint256 held = _position[compliance][toId];
        if (l.maxBalance != 0 && held + value > l.maxBalance) return false;
        if (l.maxHolders != 0 && held == 0) {
            bool senderExits = fromId != address(0) && _position[compliance][fromId] == value;
            if (!senderExits && _holders[compliance] >= l.maxHolders) return false;
        }
        return true;
    }

    function moduleMintAction(address to, uint256 value) external override onlyComplianceCall {
        _credit(msg.sender, _registry(msg.sender), to, value);
    }

    function moduleTransferAction(address from, address to, uint256 value) external override onlyComplianceCall {
        IIdentityRegistryView ir = _registry(msg.sender);
        _debit(msg.sender, ir, from, value);
        _credit(msg.sender, ir, to, value);
    }

    function moduleBurnAction(address from, uint256 value) external override onlyComplianceCall {
        _debit(msg.sender, _registry(msg.sender), from, value);
    }

    function canComplianceBind(address compliance) public view override returns (bool) {
        return _token(compliance).totalSupply() == 0;
    }

    function isPlugAndPlay() public pure override returns (bool) {
        return false;
    }

    function name() external pure override returns (string memory) {
        return "FiscusHoldingsModule";
    }

    function _identityOf(address compliance, IIdentityRegistryView ir, address wallet) private view returns (address) {
        address id = ir.identity(wallet);
        return id != address(0) ? id : _walletIdentity[compliance][wallet];
    }

    function _credit(address compliance, IIdentityRegistryView ir, address wallet, uint256 value) private {
        if (_exempt[compliance][wallet]) return;
        address id = ir.identity(wallet);
        if (_walletIdentity[compliance][wallet] != id) _walletIdentity[compliance][wallet] = id;
        uint256 held = _position[compliance][id];
        if (held == 0 && value > 0) _holders[compliance] += 1;
        _position[compliance][id] = held + value;
    }

    function _debit(address compliance, IIdentityRegistryView ir, address wallet, uint256 value) private {
        if (_exempt[compliance][wallet]) return;
        address id = _identityOf(compliance, ir, wallet);
        uint256 held = _position[compliance][id];
        // Saturating: a burn or forced transfer must never be blocked by this bookkeeping.
        uint256 next = held > value ? held - value : 0;
        if (held > 0 && next == 0) _holders[compliance] -= 1;
        _position[compliance][id] = next;
    }
}
