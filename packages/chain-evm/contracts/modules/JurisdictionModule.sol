// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

import "./FiscusModuleBase.sol";

/// @title Jurisdiction allow / block lists (ISO 3166-1 numeric codes, as the IdentityRegistry stores them).
/// @notice A receiver whose country is blocked, or not in a non-empty allow list, cannot receive
/// (mint or transfer). Blocked always wins. Senders are not checked: an investor whose country
/// became blocked must still be able to leave the fund.
contract JurisdictionModule is FiscusModuleBase {
    mapping(address => uint16[]) private _allowed;
    mapping(address => uint16[]) private _blocked;
    mapping(address => mapping(uint16 => bool)) private _isAllowed;
    mapping(address => mapping(uint16 => bool)) private _isBlocked;

    /// @dev compliance => wallet => exempt (the fund's redemption wallet, registered under the
    /// platform's identity, whose country says nothing about an investor).
    mapping(address => mapping(address => bool)) private _exempt;

    event JurisdictionsSet(address indexed compliance, uint16[] allowed, uint16[] blocked);
    event ExemptionSet(address indexed compliance, address indexed wallet, bool exempt);

    function setExempt(address wallet, bool exempt) external onlyComplianceCall {
        _exempt[msg.sender][wallet] = exempt;
        emit ExemptionSet(msg.sender, wallet, exempt);
    }

    function isExempt(address compliance, address wallet) external view returns (bool) {
        return _exempt[compliance][wallet];
    }

    /// @notice Replaces both lists at once, so a policy update is one idempotent call.
    function setJurisdictions(uint16[] calldata allowed, uint16[] calldata blocked) external onlyComplianceCall {
        _replace(_allowed[msg.sender], _isAllowed[msg.sender], allowed);
        _replace(_blocked[msg.sender], _isBlocked[msg.sender], blocked);
        emit JurisdictionsSet(msg.sender, allowed, blocked);
    }

    function allowedCountries(address compliance) external view returns (uint16[] memory) {
        return _allowed[compliance];
    }

    function blockedCountries(address compliance) external view returns (uint16[] memory) {
        return _blocked[compliance];
    }

    function isCountryPermitted(address compliance, uint16 country) public view returns (bool) {
        if (_isBlocked[compliance][country]) return false;
        return _allowed[compliance].length == 0 || _isAllowed[compliance][country];
    }

    function moduleCheck(address, address to, uint256, address compliance) external view override returns (bool) {
        if (_exempt[compliance][to]) return true;
        return isCountryPermitted(compliance, _registry(compliance).investorCountry(to));
    }

    function moduleTransferAction(address, address, uint256) external override onlyComplianceCall {}

    function moduleMintAction(address, uint256) external override onlyComplianceCall {}

    function moduleBurnAction(address, uint256) external override onlyComplianceCall {}

    function name() external pure override returns (string memory) {
        return "FiscusJurisdictionModule";
    }

    function _replace(uint16[] storage list, mapping(uint16 => bool) storage set, uint16[] calldata next) private {
        while (list.length > 0) {
            set[list[list.length - 1]] = false;
            list.pop();
        }
        for (uint256 i = 0; i < next.length; i++) {
            if (set[next[i]]) continue; // duplicates in the input are stored once
            set[next[i]] = true;
            list.push(next[i]);
        }
    }
}
